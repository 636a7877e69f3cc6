package id.outletkiosk.server;

import id.outletkiosk.store.StoreServerOrders;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Every counter, timer and gauge of the store server, in one Prometheus registry of its own (two servers in
 * one JVM, as in tests, never share a count). Names follow Prometheus' conventions: one prefix
 * ({@code outletkiosk_}), base units, {@code _total} counters; labels only from small fixed sets (outcomes,
 * frame types, route templates) or from terminals reported in the last 24 hours.
 *
 * <p>The poll path calls {@link #pollAnswered} or {@link #pollRefused} once per poll: a few adder increments
 * and one histogram observation on data points looked up once here, nothing allocated.
 */
public final class ServerMeters {
    static final String PREFIX = "outletkiosk_";
    /** A poll takes 0.5 to 50 ms on a store PC; the buckets around that range are fine, the rest coarse. */
    static final double[] LATENCY_BUCKETS = {0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1, 2.5};
    static final String POLL_ROUTE = "/api/orders";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter textFormat = PrometheusTextFormatWriter.create();
    private final Clock clock;
    private final RecentPolls recentPolls;

    private final CounterDataPoint ordersFromKiosks;
    private final CounterDataPoint ordersFromCentral;
    private final CounterDataPoint ordersServedInPolls;
    private final CounterDataPoint ordersServedInFrames;
    private final CounterDataPoint pollsAnswered;
    private final CounterDataPoint pollsCaughtUp;
    private final CounterDataPoint pollsRateLimited;
    private final CounterDataPoint pollsBad;
    private final CounterDataPoint pollsFailed;
    private final Counter socketFrames;
    private final Map<String, CounterDataPoint> framesSent = new ConcurrentHashMap<>();
    private final Map<String, CounterDataPoint> framesFailed = new ConcurrentHashMap<>();
    private final Histogram requestDuration;
    private final DistributionDataPoint pollDuration;

    private LocalDate countedDay;
    private long ordersCountedToday;
    private volatile IntSupplier openSockets = () -> 0;

    public ServerMeters(Clock clock) {
        this.clock = clock;
        this.recentPolls = new RecentPolls(clock);
        Counter ordersReceived = Counter.builder().name(PREFIX + "orders_received")
                .help("New orders this server learned of, by origin: a kiosk's POST or the central backend")
                .labelNames("origin").withoutExemplars().register(registry);
        ordersFromKiosks = ordersReceived.labelValues("kiosk");
        ordersFromCentral = ordersReceived.labelValues("central");
        Counter ordersServed = Counter.builder().name(PREFIX + "orders_served")
                .help("Orders sent to terminals: rows in poll answers, order frames on sockets")
                .labelNames("via").withoutExemplars().register(registry);
        ordersServedInPolls = ordersServed.labelValues("poll");
        ordersServedInFrames = ordersServed.labelValues("socket");
        Counter polls = Counter.builder().name(PREFIX + "polls")
                .help("GET /api/orders by outcome: answered with orders, caught_up (empty answer), rate_limited "
                        + "(429), bad_request (400), failed (the server's fault)")
                .labelNames("outcome").withoutExemplars().register(registry);
        pollsAnswered = polls.labelValues("answered");
        pollsCaughtUp = polls.labelValues("caught_up");
        pollsRateLimited = polls.labelValues("rate_limited");
        pollsBad = polls.labelValues("bad_request");
        pollsFailed = polls.labelValues("failed");
        socketFrames = Counter.builder().name(PREFIX + "socket_frames")
                .help("WebSocket frames to terminals by type and outcome (sent, failed)")
                .labelNames("type", "outcome").withoutExemplars().register(registry);
        requestDuration = Histogram.builder().name(PREFIX + "http_request_duration_seconds")
                .help("Time to answer an HTTP request, by method and route template").unit(Unit.SECONDS)
                .labelNames("method", "route").classicOnly().classicUpperBounds(LATENCY_BUCKETS)
                .withoutExemplars().register(registry);
        pollDuration = requestDuration.labelValues("GET", POLL_ROUTE);
        GaugeWithCallback.builder().name(PREFIX + "open_sockets").help("Order WebSockets open now")
                .callback(callback -> callback.call(openSockets.getAsInt())).register(registry);
    }

    /** Watches what only the running server knows: its database, its sockets and its terminals' reports. */
    void watch(StoreServerOrders store, IntSupplier sockets) {
        this.openSockets = sockets;
        GaugeWithCallback.builder().name(PREFIX + "database_size").unit(Unit.BYTES)
                .help("The store server's SQLite database on disk, write-ahead log included")
                .callback(callback -> callback.call(store.databaseBytes())).register(registry);
        registry.register(new TerminalMeters(store.terminals(), clock));
    }

    /** A poll answered with {@code orders} orders, begun at {@code startNanos} (System.nanoTime). */
    void pollAnswered(int orders, long startNanos) {
        if (orders == 0) {
            pollsCaughtUp.inc();
        } else {
            pollsAnswered.inc();
            ordersServedInPolls.inc(orders);
        }
        recentPolls.count();
        pollDuration.observe(secondsSince(startNanos));
    }

    /** A poll refused with {@code status} (429 rate limited, 400 bad request, else the server failed). */
    void pollRefused(int status, long startNanos) {
        (status == 429 ? pollsRateLimited : status == 400 ? pollsBad : pollsFailed).inc();
        pollDuration.observe(secondsSince(startNanos));
    }

    /**
     * Any other HTTP request, as Javalin's request logger times it. The route label is the matched template
     * ({@code /api/orders/{id}}), never the raw path, so a scan of made-up paths cannot grow the series.
     */
    void requestAnswered(Context ctx, Float millis) {
        // refused before its route ran (StatusAccess's 403, the rate limit's 429), or no route: none ran
        Endpoint route = ctx.endpoints().lastHttpEndpoint();
        requestDuration.labelValues(ctx.method().name(), route == null ? "unmatched" : route.path)
                .observe(millis / 1000.0);
    }

    /** A new order from a kiosk's POST. */
    void orderFromKiosk() {
        ordersFromKiosks.inc();
        countToday();
    }

    /** A new order heard from the central backend. */
    void orderFromCentral() {
        ordersFromCentral.inc();
        countToday();
    }

    /** One frame of {@code type} went to one socket; order frames count as an order served. */
    void frameSent(String type, boolean carriesAnOrder) {
        framesSent.computeIfAbsent(type, key -> socketFrames.labelValues(key, "sent")).inc();
        if (carriesAnOrder) {
            ordersServedInFrames.inc();
        }
    }

    /** A frame of {@code type} could not be sent (the socket went away meanwhile). */
    void frameFailed(String type) {
        framesFailed.computeIfAbsent(type, key -> socketFrames.labelValues(key, "failed")).inc();
    }

    /** The figures for the status page. */
    public StoreFigures figures() {
        return new StoreFigures(ordersToday(), openSockets.getAsInt(), recentPolls.perSecond());
    }

    /** Everything in Prometheus' text exposition format 0.0.4, as {@code GET /metrics} sends it. */
    public String scrape() {
        ByteArrayOutputStream text = new ByteArrayOutputStream(8192);
        try {
            textFormat.write(text, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing metrics into memory failed", e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private synchronized void countToday() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        if (!today.equals(countedDay)) {
            countedDay = today;
            ordersCountedToday = 0;
        }
        ordersCountedToday++;
    }

    private synchronized long ordersToday() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).equals(countedDay) ? ordersCountedToday : 0;
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
