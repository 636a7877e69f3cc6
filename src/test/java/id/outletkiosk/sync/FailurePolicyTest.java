package id.outletkiosk.sync;

import id.outletkiosk.testing.ManualTaskScheduler;

import id.outletkiosk.config.SettingsLoader;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.testing.RawHttpServer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of failure has one decision, and every user of the policy acts on it: the outbox sender
 * for orders and for status changes (here against a central that answers exactly that failure, and a
 * real store server), and the menu sync schedule (SyncSchedulerTest); the feed's climb in its own tests.
 */
class FailurePolicyTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), new Random(3));

    @TempDir
    Path folder;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int index = open.size() - 1; index >= 0; index--) {
            open.get(index).close();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "UNREACHABLE, FALL_BACK_TO_STORE_SERVER",
        "TIMEOUT, FALL_BACK_TO_STORE_SERVER",
        "BROKEN_CONNECTION, FALL_BACK_TO_STORE_SERVER",
        "HTTP_STATUS, FALL_BACK_TO_STORE_SERVER",
        "RATE_LIMITED, RETRY_WITH_BACKOFF",
        "CHANGED_WHILE_READING, RETRY_WITH_BACKOFF",
        "AUTH, FALL_BACK_AND_WAIT_LONGEST",
        "BAD_DATA, FALL_BACK_AND_WAIT_LONGEST",
        "TOO_LARGE, FALL_BACK_AND_WAIT_LONGEST",
        "REJECTED, ASK_A_MANAGER",
    })
    void everyKindOfFailureHasOneDecision(BackendException.Problem problem, FailurePolicy.Decision decision) {
        assertThat(FailurePolicy.decide(problem)).isEqualTo(decision);
    }

    @Test
    void theNamedDefaultsArePinned() {
        assertThat(Backoff.forOutbox(new Random()).initial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.forOutbox(new Random()).max()).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.forMenuSync(new Random()).initial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.forMenuSync(new Random()).max()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Backoff.forClimbingBack(new Random()).initial()).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.forClimbingBack(new Random()).max()).isEqualTo(Duration.ofSeconds(30));
        Settings.FeedTimings feed = new SettingsLoader(folder)
                .load(java.util.Map.of(Setting.DATA_DIR, folder.toString()), java.util.Map.of()).feedTimings();
        assertThat(feed.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(feed.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(feed.pollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(feed.idlePollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(feed.reconcileInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    /**
     * One write (an order, or a bump of an order the store server and the ledger know) meets a central
     * that answers with {@code status} and {@code body} (0: nobody listens). An order is on the store
     * server whatever central answers: a kiosk posts it there first, under the number its customer holds
     * (a refused one is the manager's to settle, like one central refused after an outage).
     */
    @ParameterizedTest(name = "{0} {1} for {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "503 | <html>Server Error</html>       | order  | FALL_BACK_TO_STORE_SERVER  | QUEUED    | true  | backoff",
        "503 | <html>Server Error</html>       | status | FALL_BACK_TO_STORE_SERVER  | QUEUED    | true  | backoff",
        "0   | (nobody listens)                | order  | FALL_BACK_TO_STORE_SERVER  | QUEUED    | true  | backoff",
        "0   | (nobody listens)                | status | FALL_BACK_TO_STORE_SERVER  | QUEUED    | true  | backoff",
        "429 | {\"detail\": \"slow down\"}     | order  | RETRY_WITH_BACKOFF         | QUEUED    | true  | backoff",
        "429 | {\"detail\": \"slow down\"}     | status | RETRY_WITH_BACKOFF         | QUEUED    | false | backoff",
        "401 | {\"detail\": \"Invalid token\"} | order  | FALL_BACK_AND_WAIT_LONGEST | QUEUED    | true  | longest",
        "401 | {\"detail\": \"Invalid token\"} | status | FALL_BACK_AND_WAIT_LONGEST | QUEUED    | true  | longest",
        "200 | not json at all                 | order  | FALL_BACK_AND_WAIT_LONGEST | QUEUED    | true  | longest",
        "200 | not json at all                 | status | FALL_BACK_AND_WAIT_LONGEST | QUEUED    | true  | longest",
        "400 | {\"items\": [\"Invalid pk\"]}   | order  | ASK_A_MANAGER              | ATTENTION | true  | none",
        "400 | {\"status\": [\"locked\"]}      | status | ASK_A_MANAGER              | ATTENTION | false | none",
    })
    void theOutboxActsOnTheDecision(int status, String body, String kind, FailurePolicy.Decision expected,
            OutboxState state, boolean onStoreServer, String wait) throws Exception {
        assertThat(FailurePolicy.decide(failureOf(status, body))).isEqualTo(expected);
        RawHttpServer central = new RawHttpServer((request, socket, out) -> {
            if (request.method().equals("GET")) { // a refused step is read back: central is still at pending
                RawHttpServer.writeJson(out, 200, "[{\"id\": 7, \"order_number\": \"ORD-7\", \"outlet\": 1, "
                        + "\"status\": \"pending\", \"items\": [], \"total_amount\": \"15000\", "
                        + "\"created_at\": \"2026-11-30T10:00:00Z\"}]");
            } else {
                RawHttpServer.writeAnswer(out, status, body.startsWith("<") ? "text/html" : "application/json", body);
            }
        });
        open.add(central);
        URI centralUri = status == 0 ? URI.create("http://127.0.0.1:" + freePortNobodyListensOn()) : central.uri();
        StoreServerOrders storeOrders = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("l.db")),
                Clock.systemUTC(), 100);
        open.add(storeOrders);
        StoreServer storeServer = new StoreServer(storeOrders, StoreServer.Options.loopback(),
                Clock.systemUTC()).start();
        open.add(storeServer);
        Database database = Database.open(folder.resolve("t.db"));
        OrderLedger ledger = new OrderLedger(database, Clock.systemUTC());
        Outbox outbox = new Outbox(database, Clock.systemUTC());
        open.add(ledger);
        open.add(outbox);
        ManualTaskScheduler clockwork = new ManualTaskScheduler();
        OutboxSender sender = new OutboxSender(outbox, OrderServerClient.central(client(centralUri), Clock.systemUTC()
                .getZone()), OrderServerClient.local(client(storeServer.baseUri()), Clock.systemUTC().getZone()),
                ledger, clockwork, BACKOFF);

        NewOrder newOrder = new NewOrder(1, UUID.randomUUID().toString(), "Budi",
                List.of(new OrderItem(3, "Es Teh", 1, new BigDecimal("5000"), null)), null);
        long seq;
        if (kind.equals("order")) {
            seq = outbox.place(newOrder, java.util.Collections.singletonList(null), new BigDecimal("5000"), 1).seq();
        } else {
            Order onStore = storeOrders.save(new Order(7L, null, newOrder.clientOrderId(), "ORD-7", 1,
                    OrderStatus.PENDING, newOrder.items(), new BigDecimal("5000"), Instant.now(), "Budi", null, null)).order();
            ledger.record(onStore);
            new OrderStatusDesk(outbox, ledger, sender).change(onStore, OrderStatus.PREPARING);
            seq = outbox.allStatusChanges().get(0).seq();
        }
        clockwork.planned.clear(); // the desk's wake-up: the pass is run below, by hand

        sender.wake();
        clockwork.runNext();

        OutboxItem item = kind.equals("order") ? outbox.entry(seq).orElseThrow() : outbox.allStatusChanges().get(0);
        assertThat(item.state()).isEqualTo(state);
        boolean copied = kind.equals("order") ? !storeOrders.since(1, 0).isEmpty()
                : storeOrders.since(1, 0).get(0).status() == OrderStatus.PREPARING;
        assertThat(copied).as("on the store server").isEqualTo(onStoreServer);
        List<Duration> waits = clockwork.waitingDelays();
        switch (wait) {
            case "none" -> assertThat(waits).as("nothing left to retry").isEmpty();
            case "longest" -> assertThat(waits).containsExactly(BACKOFF.max());
            default -> assertThat(waits).singleElement().satisfies(delay ->
                    assertThat(delay).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));
        }
    }

    private BackendException failureOf(int status, String body) {
        if (status == 0) {
            return new BackendException(BackendException.Problem.UNREACHABLE, "nobody listens");
        }
        if (status == 200) {
            return new BackendException(BackendException.Problem.BAD_DATA, "not json");
        }
        return new BackendException(status == 429 ? BackendException.Problem.RATE_LIMITED
                : status == 401 ? BackendException.Problem.AUTH
                : status >= 500 ? BackendException.Problem.HTTP_STATUS : BackendException.Problem.REJECTED, body);
    }

    private BackendClient client(URI base) {
        BackendClient client = new BackendClient("backend", Setting.TOKEN, base, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20);
        open.add(client);
        return client;
    }

    private static int freePortNobodyListensOn() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
