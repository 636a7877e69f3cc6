package id.outletkiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.testing.TestClocks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreServerTerminalsTest {
    private static final Instant NOON = TestClocks.NOON;

    @TempDir
    Path folder;

    private StoreServerOrders storeServer() {
        return new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("store.db")),
                TestClocks.noonInJakarta(), 100);
    }

    private StoreServerTerminals terminals() {
        return storeServer().terminals();
    }

    private static TerminalReport report(String terminal, String transport, Instant receivedAt) {
        return new TerminalReport(terminal, "kiosk", "1.4.0", transport, NOON.minus(Duration.ofMinutes(5)), 42,
                NOON.minus(Duration.ofMinutes(2)), 1, 0, List.of("CENTRAL_UNREACHABLE"), receivedAt);
    }

    @Test
    void aTerminalsNewestReportReplacesItsOlderOne() {
        StoreServerTerminals terminals = terminals();
        terminals.record(report("kiosk-1", "online", NOON.minusSeconds(15)));
        terminals.record(report("kiosk-1", "polling", NOON));

        assertThat(terminals.reportedSince(NOON.minus(Duration.ofDays(1))))
                .containsExactly(report("kiosk-1", "polling", NOON));
    }

    @Test
    void terminalsComeByNameAndOnlyThoseHeardFromSinceTheCutoff() {
        StoreServerTerminals terminals = terminals();
        terminals.record(report("kitchen", "local", NOON.minusSeconds(30)));
        terminals.record(report("kiosk-2", "online", NOON));
        terminals.record(report("kiosk-1", "online", NOON.minusSeconds(60)));
        terminals.record(report("old-till", "offline", NOON.minus(Duration.ofDays(2))));

        assertThat(terminals.reportedSince(NOON.minusSeconds(60))).extracting(TerminalReport::terminal)
                .containsExactly("kiosk-1", "kiosk-2", "kitchen");
        assertThat(terminals.reportedSince(NOON.minusSeconds(59))).extracting(TerminalReport::terminal)
                .containsExactly("kiosk-2", "kitchen");
    }

    @Test
    void aKioskAndAKitchenWithTheSameNameAreTwoTerminals() {
        StoreServerTerminals terminals = terminals();
        TerminalReport kitchen = new TerminalReport("K", "kitchen", "1.4.0", "local", NOON, 42, NOON, 0, 2,
                List.of(), NOON);
        terminals.record(report("K", "online", NOON));
        terminals.record(kitchen);

        assertThat(terminals.reportedSince(NOON)).containsExactly(report("K", "online", NOON), kitchen);
    }

    @Test
    void aNeverSyncedMenuAndNoAlertsAreKeptAsSuch() {
        StoreServerTerminals terminals = terminals();
        TerminalReport fresh = new TerminalReport("pickup", "pickup", "1.4.0", "offline", NOON, 0, null, 0, 0,
                List.of(), NOON);
        terminals.record(fresh);

        assertThat(terminals.reportedSince(NOON)).containsExactly(fresh);
    }

    @Test
    void reportsSurviveReopeningTheDatabase() {
        try (StoreServerOrders before = storeServer()) {
            before.terminals().record(report("kiosk-1", "local", NOON));
        }

        assertThat(terminals().reportedSince(NOON)).containsExactly(report("kiosk-1", "local", NOON));
    }
}
