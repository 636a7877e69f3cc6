package id.outletkiosk.server;

import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.store.TerminalReportCodec;
import id.outletkiosk.testing.HeadlessChromium;
import id.outletkiosk.testing.SteppingClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.openqa.selenium.OutputType;

/**
 * The README's pictures of the store status page: a store server with a lunch-time store's ten terminals
 * reporting through the real route (one gone quiet, one cut off with its alerts), photographed by headless
 * Chromium as a 390 px and a 320 px phone and a 1280 x 800 desktop. Phones are emulated: Chromium's
 * {@code --screenshot} lays a page out at 500 px at least, whatever the window.
 *
 * <p>{@code StatusPageScreens docs} writes docs/status-phone.png, status-phone-320.png, status-desktop.png.
 */
public final class StatusPageScreens {
    private StatusPageScreens() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Path folder = Files.createTempDirectory("status-screens");
        Instant noon = Instant.parse("2026-11-30T05:12:00Z"); // 12:12 in Jakarta, the lunch rush
        SteppingClock clock = new SteppingClock(noon.minus(Duration.ofMinutes(7)), ZoneId.of("Asia/Jakarta"));
        try (StoreServerOrders store = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("s.db")),
                clock, 100);
                StoreServer server = new StoreServer(store, StoreServer.Options.loopback(), clock).start()) {
            reportTheStore(server, clock, noon);
            List<java.net.http.WebSocket> sockets = busyLunch(server);
            String page = server.baseUri() + "/status";
            shoot(HeadlessChromium.phone(390, 844, "en-US,en"), page, out.resolve("status-phone.png"));
            shoot(HeadlessChromium.phone(320, 640, "id-ID,id"), page, out.resolve("status-phone-320.png"));
            shoot(HeadlessChromium.desktop(1280, 800, "en-US,en"), page, out.resolve("status-desktop.png"));
            sockets.forEach(java.net.http.WebSocket::abort);
        }
        System.out.println("wrote " + out.resolve("status-*.png"));
    }

    private static void shoot(HeadlessChromium browser, String page, Path png) throws IOException {
        try (browser) {
            browser.driver().get(page);
            Files.write(png, browser.driver().getScreenshotAs(OutputType.BYTES));
        }
    }

    /** The store server's own figures: orders placed, screens on its socket, kiosks polling. */
    private static List<java.net.http.WebSocket> busyLunch(StoreServer server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int order = 1; order <= 37; order++) {
            String body = "{\"outlet_id\": 1, \"client_order_id\": \"lunch-" + order + "\", \"customer_name\": \"Budi\", "
                    + "\"items\": [{\"product\": 12, \"quantity\": 1, \"price\": \"15000\"}]}";
            http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        }
        for (int poll = 0; poll < 84; poll++) {
            http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/orders?outlet_id=1&since_id=37")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        List<java.net.http.WebSocket> sockets = new java.util.ArrayList<>();
        for (int screen = 0; screen < 6; screen++) {
            sockets.add(http.newWebSocketBuilder().buildAsync(URI.create(server.socketUri() + "?outlet_id=1"),
                    new java.net.http.WebSocket.Listener() { }).join());
        }
        return sockets;
    }

    /** Seven minutes ago a kiosk reported for the last time; the rest report now. */
    private static void reportTheStore(StoreServer server, SteppingClock clock, Instant noon) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        send(http, server, new TerminalReport("K3", "kiosk", "0.1.0", "offline", noon.minus(Duration.ofMinutes(9)), 1532,
                noon.minus(Duration.ofHours(27)), 4, 0, List.of("NOTHING_REACHABLE", "MENU_OUTDATED",
                        "ORDERS_WAITING"), clock.instant()));
        clock.advance(Duration.ofMinutes(7));
        Instant opened = noon.minus(Duration.ofHours(2).plusMinutes(12));
        Instant menu = noon.minus(Duration.ofMinutes(47));
        List<TerminalReport> reports = List.of(
                healthy("K1", "kiosk", "online", opened, menu),
                new TerminalReport("K2", "kiosk", "0.1.0", "local", noon.minus(Duration.ofMinutes(4)), 1532, menu, 2, 0,
                        List.of("CENTRAL_UNREACHABLE", "ORDERS_WAITING"), noon),
                healthy("K4", "kiosk", "online", opened, menu),
                healthy("DPR", "kitchen", "online", opened, menu),
                new TerminalReport("BAR", "kitchen", "0.1.0", "polling", noon.minus(Duration.ofSeconds(95)), 1532, menu,
                        0, 3, List.of("STATUS_CHANGES_WAITING"), noon),
                healthy("GRL", "kitchen", "online", opened, menu),
                healthy("EXPO", "kitchen", "local", noon.minus(Duration.ofMinutes(31)), menu),
                healthy("P1", "pickup", "online", opened, menu),
                healthy("MGR", "manager", "online", opened, menu));
        for (TerminalReport report : reports) {
            send(http, server, report);
        }
    }

    private static TerminalReport healthy(String name, String role, String transport, Instant since, Instant menu) {
        return new TerminalReport(name, role, "0.1.0", transport, since, 1532, menu, 0, 0, List.of(), since);
    }

    private static void send(HttpClient http, StoreServer server, TerminalReport report) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + TerminalHealthRoutes.PATH)).POST(HttpRequest.BodyPublishers.ofString(
                        TerminalReportCodec.encode(report, 1).toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("the store server refused " + report.terminal() + ": " + answer.body());
        }
    }
}
