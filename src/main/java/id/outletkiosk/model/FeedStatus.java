package id.outletkiosk.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Realtime feed health.
 *
 * @param modeSince    when the feed entered the current mode
 * @param lastPongRtt  round-trip time of the last pong, or {@code null}
 * @param reconnects   transport losses since start
 * @param lastEventAt  when the last order event was delivered, or {@code null}
 * @param lastError    the last transport problem, one line, or {@code null}
 * @param eventsSinceDrop order events delivered since the feed last left the central socket
 */
public record FeedStatus(
        FeedMode mode,
        Instant modeSince,
        boolean centralConnected,
        boolean localConnected,
        boolean polling,
        boolean pollingPaused,
        Duration lastPongRtt,
        int reconnects,
        Instant lastEventAt,
        String lastError,
        int eventsSinceDrop) {

    /** The same status with the last pong's round trip and the last event's time as they are now. */
    public FeedStatus withLatest(Duration pongRtt, Instant eventAt) {
        return new FeedStatus(mode, modeSince, centralConnected, localConnected, polling, pollingPaused, pongRtt,
                reconnects, eventAt, lastError, eventsSinceDrop);
    }
}
