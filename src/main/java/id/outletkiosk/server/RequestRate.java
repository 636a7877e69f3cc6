package id.outletkiosk.server;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code perSecond} requests a second, bursts of twice that. A
 * polling kiosk makes one request every few seconds; a neighbour flooding the store server is slowed
 * to the same budget and cannot starve the kitchen. Buckets of quiet clients are dropped.
 */
final class RequestRate {
    private static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>(); // {tokens, last refill millis}

    RequestRate(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.burst = perSecond * 2.0;
        this.clock = clock;
    }

    /**
     * Counts one request of {@code client}, or refuses it with 429: the client's own pace decides when it
     * comes back.
     */
    void admit(String client) {
        if (!allow(client)) {
            throw new StoreServer.ApiError(429, "too many requests from " + client + ": at most " + (int) perSecond
                    + " a second", "1");
        }
    }

    /** True when {@code client} may make one more request now (and counts it). */
    boolean allow(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_CLIENTS) {
            // a scan of spoofed addresses must not grow memory: full buckets carry no information
            buckets.entrySet().removeIf(entry -> refilled(entry.getValue(), now) >= burst);
        }
        double[] bucket = buckets.computeIfAbsent(client, key -> new double[] {burst, now});
        synchronized (bucket) {
            bucket[0] = refilled(bucket, now);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }

    private double refilled(double[] bucket, long now) {
        return Math.min(burst, bucket[0] + (now - bucket[1]) * perSecond / 1000.0);
    }
}
