package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.store.TerminalReportCodec;
import id.outletkiosk.testing.HeadlessChromium;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.TcpFaultProxy;
import id.outletkiosk.testing.TempFolders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The store status page in a real browser, as the manager's phone and the back-office PC show it: a kiosk
 * and a kitchen screen (real terminal runtimes) report to a real store server, whose clock the test steps.
 * Headless Chromium from Debian's packages; on a machine without them only this test is skipped.
 */
@Tag("screen")
@Timeout(120)
class StatusPageBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Longer than any test: every report the page shows after the first was pushed by a transport change. */
    private static final String REPORT_INTERVAL = "1h";

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private SteppingClock serverClock;
    private StoreServer server;
    private TcpFaultProxy kioskCentralLink;
    private OutletRuntime kitchen;

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(HeadlessChromium.installed(), () -> "skipped: the status page's browser test "
                + HeadlessChromium.HOW_TO_INSTALL);
    }

    /** Central, the store server (on a clock the test steps), the kiosk K2 online through its own link, the kitchen D1 on the store server. */
    @BeforeEach
    void openTheStore() throws Exception {
        ReferenceBackend central = later(ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), Clock.systemUTC()));
        serverClock = new SteppingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Asia/Jakarta"));
        StoreServerOrders store = later(new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("store.db")),
                serverClock, 100));
        // the server's clock moves only when the test steps it: its request budget must not run dry meanwhile
        server = later(new StoreServer(store, StoreServer.Options.loopback().withLimits(100_000, 200,
                Duration.ofMinutes(2)), serverClock).start());
        kioskCentralLink = later(new TcpFaultProxy(central.port()));
        later(terminal("kiosk", "K2", kioskCentralLink.http()));
        kitchen = later(terminal("kitchen", "D1", null));
    }

    @AfterEach
    void closeTheStore() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        TempFolders.deleteWhenQuiet(folder);
    }

    @Test
    void theManagerSeesEveryTerminalItsTransportAndWhoWentQuiet() throws Exception {
        HeadlessChromium desktop = later(HeadlessChromium.desktop(1280, 800, "en-US,en"));
        awaitRow(desktop, "K2", "kiosk", "Online (head office)");
        awaitRow(desktop, "D1", "kitchen", "Store server");

        kioskCentralLink.refuse(); // the kiosk alone loses head office
        awaitRow(desktop, "K2", "kiosk", "Store server");
        assertThat(transportOf(desktop, "D1", "kitchen")).isEqualTo("Store server");

        closeLater.remove(kitchen);
        kitchen.close(); // the kitchen screen goes dark ...
        serverClock.advance(StatusPage.SILENT_AFTER.plusSeconds(1)); // ... and says nothing for over a minute
        kioskCentralLink.pass(); // the kiosk climbs back to head office and says so: its report is fresh
        awaitRow(desktop, "K2", "kiosk", "Online (head office)");
        assertThat(row(desktop, "K2", "kiosk").getAttribute("class")).doesNotContain("silent");
        assertThat(row(desktop, "D1", "kitchen").getAttribute("class")).contains("silent");
        assertThat(lastReport(desktop, "D1", "kitchen").getAttribute("class")).contains("late");
        assertThat(lastReport(desktop, "D1", "kitchen").findElement(By.cssSelector(".cell")).getCssValue("color")).as("red").isEqualTo("rgba(198, 40, 40, 1)");
        assertThat(lastReport(desktop, "D1", "kitchen").getText()).isEqualTo("1 min ago");
        assertThat(desktop.overflowingRight()).isEmpty();
    }

    @Test
    void onAPhone320PixelsWideNothingSticksOutOnTheRight() throws Exception {
        // beside the two real terminals, the longest name a report may carry and every alert there is
        report(new TerminalReport("DAPUR-MINUMAN-LANTAI-DUA-SEBELAH-KASIR-1", "kitchen", "0.1.0", "polling",
                serverClock.instant(), 1532, null, 12, 7, List.of("STORE_FULL", "CENTRAL_UNREACHABLE",
                        "NOTHING_REACHABLE", "MENU_OUTDATED", "ORDERS_WAITING", "ORDERS_REFUSED", "STATUS_CHANGES_WAITING",
                        "STATUS_CHANGES_REFUSED", "NO_ORDER_EVENTS"), null));
        HeadlessChromium phone = later(HeadlessChromium.phone(320, 640, "id-ID,id"));
        awaitRow(phone, "K2", "kiosk", "Online (pusat)");
        awaitRow(phone, "D1", "kitchen", "Server toko");

        assertThat(phone.script("return window.innerWidth")).isEqualTo(320L);
        assertThat(phone.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Status toko");
        assertThat(phone.driver().findElements(By.cssSelector("tr.terminal"))).hasSize(3);
        assertThat(phone.overflowingRight()).isEmpty();
    }

    /** A terminal of {@code role} named {@code name}: the store server directly, central through {@code central} (or none). */
    private OutletRuntime terminal(String role, String name, URI central) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (central != null) {
            flags.put(Setting.BACKEND, central.toString());
        }
        flags.put(Setting.LOCAL_HTTP, server.baseUri().toString());
        flags.put(Setting.DATA_DIR, folder.resolve(name).toString());
        flags.put(Setting.ROLE, role);
        flags.put(Setting.TERMINAL, name);
        flags.put(Setting.HEALTH_REPORT_INTERVAL, REPORT_INTERVAL);
        flags.putAll(Map.of(Setting.HEARTBEAT_INTERVAL, "200ms", Setting.HEARTBEAT_TIMEOUT, "800ms",
                Setting.CONNECT_TIMEOUT, "1s"));
        OutletRuntime runtime = OutletRuntime.open(new SettingsLoader(folder).load(flags, Map.of()), Clock.systemUTC());
        runtime.startHealthReports();
        return runtime;
    }

    /** A report through the real route, as a terminal of another make might send it. */
    private void report(TerminalReport report) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUri() + TerminalHealthRoutes.PATH))
                .POST(HttpRequest.BodyPublishers.ofString(TerminalReportCodec.encode(report, 1).toString()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }

    /** Reloads the page, as its meta refresh would, until the terminal's row shows {@code transport}. */
    private void awaitRow(HeadlessChromium browser, String terminal, String role, String transport) {
        await().atMost(PATIENCE).until(() -> {
            browser.driver().get(server.baseUri() + "/status");
            return browser.driver().findElements(rowSelector(terminal, role)).size() == 1
                    && transportOf(browser, terminal, role).equals(transport);
        });
    }

    private <T extends AutoCloseable> T later(T part) {
        closeLater.add(part);
        return part;
    }

    private static By rowSelector(String terminal, String role) {
        return By.cssSelector("tr[data-terminal='" + terminal + "'][data-role='" + role + "']");
    }

    private static WebElement row(HeadlessChromium browser, String terminal, String role) {
        return browser.driver().findElement(rowSelector(terminal, role));
    }

    private static String transportOf(HeadlessChromium browser, String terminal, String role) {
        return row(browser, terminal, role).findElement(By.cssSelector(".transport")).getText();
    }

    private static WebElement lastReport(HeadlessChromium browser, String terminal, String role) {
        return row(browser, terminal, role).findElement(By.cssSelector("td.last-report"));
    }
}
