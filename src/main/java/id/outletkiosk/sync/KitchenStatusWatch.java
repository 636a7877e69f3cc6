package id.outletkiosk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.KitchenStatusClient;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.KitchenState;
import id.outletkiosk.wire.KitchenStateCodec;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the feed knows of the kitchen's state (open, busy, paused), from two sources: a
 * {@code kitchen_status_changed} frame on any socket, at once; and the store server's
 * {@code GET /api/kitchen-status}, read whenever its order list is (each poll, and on a socket at the
 * reconcile pace: on central's socket too, so a change only the store server heard arrives within a
 * reconcile interval). Listeners hear changes only, and never an older setting after a newer one. A
 * store server without the route (404) is not asked again for a while, quietly.
 *
 * <p>Used only from the feed's intake thread.
 */
final class KitchenStatusWatch {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenStatusWatch.class);

    private final KitchenStatusClient storeServer;
    private final long outletId;
    private final ZoneId zone;
    private final List<FeedListener> listeners;
    private KitchenState known;
    /** While a store server without the switch is left alone: when to ask it again; null when not. */
    private Long askAgainAtNanos;

    /** @param storeServer the store server's switch, null without a store server */
    KitchenStatusWatch(KitchenStatusClient storeServer, long outletId, ZoneId zone, List<FeedListener> listeners) {
        this.storeServer = storeServer;
        this.outletId = outletId;
        this.zone = zone;
        this.listeners = listeners;
    }

    /** A frame's {@code data}; one for another outlet (a store server socket hears them all) is not ours. */
    void heard(JsonNode data) {
        JsonNode outlet = data == null ? null : data.get("outlet_id");
        if (outlet != null && outlet.canConvertToLong() && outlet.asLong() != outletId) {
            return;
        }
        offer(KitchenStateCodec.decodeLiberal(data, zone), false);
    }

    /** After an order list was read: the store server's word too, when that list was one of its own. */
    void afterListRead(FeedMode tier, CatchUp why, long nowNanos) {
        if (storeServer == null || tier == FeedMode.ONLINE || why == CatchUp.HINT || why == CatchUp.LINK
                || askAgainAtNanos != null && nowNanos - askAgainAtNanos < 0) {
            return;
        }
        askAgainAtNanos = null;
        try {
            offer(storeServer.read(outletId), true);
        } catch (BackendException e) {
            if (e.problem() == BackendException.Problem.REJECTED) {
                askAgainAtNanos = nowNanos + FailurePolicy.MISSING_ROUTE_PAUSE.toNanos();
                LOG.debug("the store server has no kitchen switch ({}); asking again in {} min", e.getMessage(),
                        FailurePolicy.MISSING_ROUTE_PAUSE.toMinutes());
            } else {
                LOG.debug("the kitchen's state could not be read from the store server: {}", e.getMessage());
            }
        }
    }

    /**
     * @param read true for the store server's answer: one without a time is its "never set" (open), which
     *             says nothing against a state a frame brought with its time (central's, when the kitchen
     *             reaches central only)
     */
    private void offer(KitchenState state, boolean read) {
        if (state.isOlderThan(known) || read && state.changedAt() == null && known != null
                && known.changedAt() != null) {
            return;
        }
        boolean news = !state.looksLike(known);
        known = state;
        if (news) {
            for (FeedListener listener : listeners) {
                try {
                    listener.onKitchenStatus(state);
                } catch (RuntimeException e) {
                    LOG.error("a kitchen status listener failed on {}", state, e);
                }
            }
        }
    }
}
