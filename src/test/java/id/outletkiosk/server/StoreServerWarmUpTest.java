package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.testing.StoreServerFixture;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store server's warm-up before its port opens ({@link StoreServerWarmUp}): it polls a scratch server
 * for its budget, measured on its own clock, and leaves nothing of itself in the real one.
 */
class StoreServerWarmUpTest {
    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final StoreServerFixture fixture = new StoreServerFixture(Clock.systemUTC(), 100);
    private StoreServerOrders store;
    private StoreServer server;

    /**
     * A clock that moves 100 ms each time it is read, whoever reads it: as many polls as the budget has reads. The
     * budget is long on the wall clock too (it is also the warm-up's socket timeout), so a slow machine's first
     * poll does not end the warm-up early.
     */
    private static StoreServerWarmUp steppedWarmUp(Duration budget) {
        AtomicLong now = new AtomicLong();
        return new StoreServerWarmUp(budget, () -> now.getAndAdd(Duration.ofMillis(100).toNanos()));
    }

    @Test
    void aRestartedServerWarmsUpAndThenMeetsItsTerminalsWithItsOwnOrdersItsFullBudgetAndNoScratchFiles()
            throws Exception {
        store = fixture.store();
        placeOrders(2);
        String beforeWarmUp = store.sinceJson(1, 0);
        Path scratchParent = Files.createDirectories(folder.resolve("tmp"));

        StoreServerWarmUp.Outcome outcome = steppedWarmUp(Duration.ofSeconds(30)).runIn(scratchParent);

        assertThat(outcome.polls()).isPositive();
        assertThat(scratchParent).isEmptyDirectory();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("store-server-warm-up")));
        assertThat(store.sinceJson(1, 0)).isEqualTo(beforeWarmUp);

        int perSecond = 3;
        server = fixture.start(StoreServer.Options.loopback().withLimits(perSecond, 10, Duration.ofMinutes(1)));
        // the whole burst (twice the rate) is this terminal's: the warm-up's polls spent none of it
        for (int poll = 1; poll <= 2 * perSecond; poll++) {
            HttpResponse<String> answer = get("/api/orders?outlet_id=1&since_id=0");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(beforeWarmUp).doesNotContain("warm-up-");
        }
    }

    @Test
    void theWarmUpStopsWhenItsClockSaysTheBudgetIsSpent_notAfterAFixedNumberOfPollsOrTheMachinesSpeed() {
        // the clock is read once at the start, then once before each poll: 99 reads fall inside 10 s
        StoreServerWarmUp.Outcome outcome = steppedWarmUp(Duration.ofSeconds(10)).runIn(folder);

        assertThat(outcome.polls()).isEqualTo(99);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void noBudgetNoWarmUp_testsAndImpatientOperatorsStartAtOnce() {
        StoreServerWarmUp.Outcome outcome = steppedWarmUp(Duration.ZERO).runIn(folder);

        assertThat(outcome.polls()).isZero();
        assertThat(outcome.took()).isZero();
        assertThat(folder).isEmptyDirectory();
    }

    private void placeOrders(int count) {
        for (int n = 1; n <= count; n++) {
            store.save(new Order(null, null, "kiosk-" + n, null, 1, OrderStatus.PENDING,
                    List.of(new OrderItem(n, "Es teh " + n, 1, new BigDecimal("8000"), null)),
                    new BigDecimal("8000"), Instant.parse("2026-11-30T11:00:00Z"), "Tamu " + n, null, null));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
