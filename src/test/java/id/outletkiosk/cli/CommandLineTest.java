package id.outletkiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.wire.Json;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.Product;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.testing.TestClocks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a script or an operator uses it: exit codes, tables and JSON. */
class CommandLineTest {
    @TempDir
    Path home;

    private ReferenceBackend backend;
    private StoreServer storeServer;
    private StoreServerOrders storeOrders;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), TestClocks.noonInJakarta());
    }

    @AfterEach
    void stop() {
        if (storeServer != null) {
            storeServer.close();
            storeOrders.close();
        }
        backend.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return commandLine(out, err).execute(args);
    }

    private CommandLine commandLine(StringWriter toOut, StringWriter toErr) {
        CommandLine line = OutletKioskCommand.commandLine(Map.of(), TestClocks.noonInJakarta(),
                new SettingsLoader(home));
        line.setOut(new PrintWriter(toOut, true));
        line.setErr(new PrintWriter(toErr, true));
        return line;
    }

    private String[] withStore(String... args) {
        return atTerminal(backend.baseUri(), "data", args);
    }

    /** A command on the terminal whose store is in {@code dataDir}, talking to {@code backendUri}. */
    private String[] atTerminal(URI backendUri, String dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--backend", backendUri.toString(), "--data-dir", home.resolve(dataDir).toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void syncOncePrintsCountsVersionsAndRowsChanged() {
        assertThat(run(withStore("sync", "--once"))).isZero();
        assertThat(out.toString()).contains("products").containsPattern("products\\s+0\\s+61\\s+50\\s+50\\s+50");

        backend.repository().update(EntityKind.PRODUCTS, 7, row -> {
            Product p = (Product) row;
            return new Product(p.id(), p.name(), p.categoryId(), new BigDecimal("26000"), p.description(),
                    p.imageUrl(), p.available(), p.active(), p.version(), p.updatedAt());
        });
        assertThat(run(withStore("sync", "--once", "--json"))).isZero();
        JsonNode report = readJson(out.toString());
        assertThat(report.get("products").get("rows_written").asInt()).isEqualTo(1);
        assertThat(report.get("products").get("to_version").asLong()).isEqualTo(62);
        assertThat(report.get("categories").get("rows_written").asInt()).isZero();
    }

    @Test
    void syncOnceFailsWithAClearMessageWhenTheBackendIsDown() {
        backend.close();
        assertThat(run(withStore("sync", "--once"))).isEqualTo(OutletKioskCommand.FAILED);
        assertThat(err.toString()).startsWith("outlet-kiosk: sync failed: cannot reach the backend at 127.0.0.1:");
    }

    @Test
    void statusJsonReportsWhatTheStoreHolds() {
        run(withStore("sync", "--once"));
        assertThat(run(withStore("status", "--json"))).isZero();
        JsonNode status = readJson(out.toString());
        assertThat(status.get("products").asInt()).isEqualTo(50);
        assertThat(status.get("categories").asInt()).isEqualTo(8);
        assertThat(status.get("promotions").asInt()).isEqualTo(3);
        assertThat(status.get("active_promotions").asInt()).isEqualTo(1);
        assertThat(status.get("versions").get("products").asLong()).isEqualTo(61);
        assertThat(status.get("last_success").asText()).isNotEmpty();
        assertThat(status.get("last_error").isNull()).isTrue();
        assertThat(status.get("outdated").asBoolean()).isFalse();
    }

    @Test
    void statusOfANeverSyncedStoreIsOutdated() {
        assertThat(run(withStore("status", "--json"))).isZero();
        JsonNode status = readJson(out.toString());
        assertThat(status.get("outdated").asBoolean()).isTrue();
        assertThat(status.get("last_success").isNull()).isTrue();
    }

    @Test
    void catalogJsonListsProductsWithCategoryPriceAndPromotions() {
        run(withStore("sync", "--once"));
        assertThat(run(withStore("catalog", "--json"))).isZero();
        JsonNode catalog = readJson(out.toString());
        assertThat(catalog).hasSize(50);
        JsonNode nasiGoreng = java.util.stream.StreamSupport.stream(catalog.spliterator(), false)
                .filter(p -> p.get("id").asLong() == 1).findFirst().orElseThrow();
        assertThat(nasiGoreng.get("name").asText()).isEqualTo("Nasi Goreng Spesial");
        assertThat(nasiGoreng.get("category").get("name").asText()).isEqualTo("Nasi");
        assertThat(nasiGoreng.get("price").asText()).isEqualTo("28000");
        assertThat(nasiGoreng.get("price_text").asText()).isEqualTo("Rp 28.000");
        assertThat(nasiGoreng.get("promotions")).hasSize(1); // the expired fixed-discount one is not listed
        assertThat(nasiGoreng.get("promotions").get(0).get("name").asText()).isEqualTo("Promo Makan Siang");
    }

    @Test
    void theStoreServerCommandAnswersToItsFirstNameToo_soInstalledServicesKeepStarting() {
        assertThat(run("store-server", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: outlet-kiosk store-server").contains("--port");
        assertThat(run("local-server", "--help")).isZero();
        assertThat(out.toString()).contains("--port");
    }

    @Test
    void aStoreServerWarmUpLongerThanTerminalsShouldWaitIsRefusedBeforeAnythingStarts() {
        assertThat(run("store-server", "--warm-up", "1h", "--port", "0", "--data-dir", home.resolve("d").toString()))
                .isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "outlet-kiosk: --warm-up: \"1h\" is not a duration from 0s to 10s, like 2s or 1500ms");
    }

    @Test
    void badSettingsStopWithOneLineAndExitCode2() {
        assertThat(run("status", "--outlet", "-3", "--data-dir", home.resolve("d").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "outlet-kiosk: outlet: \"-3\" is not a positive whole number (from --outlet)");
        assertThat(run("sync", "--once", "--backend", "ftp://x", "--data-dir", home.resolve("d").toString()))
                .isEqualTo(2);
        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(run("sync", "--once", "--data-dir", home.resolve("d").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("backend: not set");
        assertThat(run("status", "--no-such-flag")).isEqualTo(2);
        assertThat(run("status", "--poll-interval", "99999999999999999999s", "--data-dir",
                home.resolve("d").toString())).isEqualTo(2);
        assertThat(err.toString().strip().lines().reduce((first, last) -> last).orElseThrow()).isEqualTo(
                "outlet-kiosk: poll-interval: \"99999999999999999999s\" is not a positive duration like 500ms, 30s,"
                + " 5m or 6h (from --poll-interval)");
    }

    @Test
    void everySubcommandTakesTheSameSettingsFlags() {
        CommandLine line = OutletKioskCommand.commandLine(Map.of(), TestClocks.noonInJakarta(), new SettingsLoader(home));
        for (CommandLine sub : line.getSubcommands().values()) {
            for (String flag : List.of("--backend", "--local-http", "--local-ws", "--outlet", "--token", "--data-dir",
                    "--role", "--config")) {
                assertThat(sub.getCommandSpec().findOption(flag)).as(sub.getCommandName() + " " + flag).isNotNull();
            }
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void orderThenListenShowsTheOrderAsAJsonLine() {
        assertThat(run(withStore("order", "--item", "1x2", "--item", "5x1:tidak pedas", "--customer", "Budi",
                "--client-order-id", "k-cli"))).isZero();
        JsonNode placed = readJson(out.toString());
        assertThat(placed.get("reference").asText()).isEqualTo("K-0001");
        assertThat(placed.get("state").asText()).isEqualTo("sent");
        assertThat(placed.get("kiosk_total").asText()).isEqualTo("70200"); // rice dishes are 10 % off at noon
        assertThat(placed.get("server_total").asText()).isEqualTo("70200");
        assertThat(placed.get("total_mismatch").asBoolean()).isFalse();
        assertThat(placed.get("items").get(1).get("notes").asText()).isEqualTo("tidak pedas");

        assertThat(run(withStore("listen", "--json", "--count", "1"))).isZero();
        List<JsonNode> lines = out.toString().lines().map(CommandLineTest::readJson).toList();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("kind").asText()).isEqualTo("transport");
            assertThat(line.get("mode").asText()).isEqualTo("online");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("kind").asText()).isEqualTo("order");
            assertThat(line.get("event").asText()).isEqualTo("new_order");
            assertThat(line.get("client_order_id").asText()).isEqualTo("k-cli");
        });
    }

    @Test
    void anOrderWithABadItemIsAUsageError() {
        assertThat(run(withStore("order", "--item", "twelve"))).isEqualTo(2);
        assertThat(err.toString()).contains("--item: \"twelve\" is not PRODUCTxQUANTITY like 12x2");
    }

    @Test
    void anOrderPlacedWithTheBackendDownWaitsInTheOutboxAndStatusSaysSo() {
        assertThat(run(withStore("order", "--item", "2x1"))).isZero(); // also syncs the menu the first time
        assertThat(readJson(out.toString()).get("state").asText()).isEqualTo("sent");
        backend.close();

        assertThat(run(withStore("order", "--item", "3x2", "--customer", "Sari"))).isZero();
        JsonNode queued = readJson(out.toString());
        assertThat(queued.get("state").asText()).isEqualTo("queued");
        assertThat(queued.get("reference").asText()).isEqualTo("K-0002");
        assertThat(err.toString()).contains("K-0002 is queued for the backend");

        assertThat(run(withStore("outbox", "--json"))).isZero();
        assertThat(readJson(out.toString())).singleElement()
                .satisfies(entry -> assertThat(entry.get("reference").asText()).isEqualTo("K-0002"));
        assertThat(run(withStore("outbox", "--flush"))).isEqualTo(OutletKioskCommand.FAILED);
        assertThat(out.toString()).contains("still queued 1");

        assertThat(run(withStore("status", "--json"))).isZero();
        JsonNode status = readJson(out.toString());
        assertThat(status.get("outbox_pending").asInt()).isEqualTo(1);
        assertThat(status.get("outbox_attention").asInt()).isZero();
        assertThat(status.get("oldest_pending_age_s").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void diagnosticsBundleStatusSettingsAndTheLogTailWithoutSecrets() throws Exception {
        assertThat(run(withStore("sync", "--once"))).isZero();
        java.nio.file.Path logs = java.nio.file.Files.createDirectories(home.resolve("data").resolve("logs"));
        // a secret that should never be in a log, but if it were, the bundle must not carry it on
        java.nio.file.Files.writeString(logs.resolve("outlet-kiosk.log"),
                "10:00:00.000 INFO  [main] X - started\n10:00:01.000 WARN  [main] X - bad header Token S3cret-T0ken\n");

        assertThat(run(withStore("diagnostics", "--json", "--token", "S3cret-T0ken", "--local-token",
                "L0cal-T0ken"))).isZero();

        String bundle = out.toString();
        assertThat(bundle).doesNotContain("S3cret-T0ken").doesNotContain("L0cal-T0ken");
        var report = Json.MAPPER.readTree(bundle);
        assertThat(report.get("app_version").asText()).isNotBlank();
        assertThat(report.get("settings").asText()).contains("token=(set)").contains("local-token=(set)");
        assertThat(report.get("status").get("data_version").asLong()).isEqualTo(61);
        assertThat(report.get("log_tail")).hasSize(2);
        assertThat(report.get("log_tail").get(1).asText()).endsWith("bad header Token (secret)");

        assertThat(run("diagnostics", "--data-dir", home.resolve("data").toString())).isZero(); // no secrets set
        assertThat(out.toString()).contains("token=(none)");
    }

    @Test
    void theManagerPinIsSetFromTheCommandLineAndNeverShown() throws Exception {
        String data = home.resolve("data").toString();
        assertThat(run("manager-pin", "--pin", "12", "--data-dir", data)).isEqualTo(2);
        assertThat(err.toString()).contains("the PIN must have 4 to 8 digits");
        assertThat(run("manager-pin", "--pin", "975310", "--data-dir", data)).isZero();
        String hash = java.nio.file.Files.readString(home.resolve("data").resolve("manager-pin")).split(":")[3].strip();

        assertThat(run("diagnostics", "--data-dir", data)).isZero();
        assertThat(out.toString()).doesNotContain(hash).doesNotContain("975310");
    }

    /** Places an order on head office through the {@code order} command; answers head office's copy. */
    private Order placedOnHeadOffice(String clientOrderId) {
        assertThat(run(withStore("order", "--item", "1x1", "--client-order-id", clientOrderId))).isZero();
        return backend.orders().byClientOrderId(clientOrderId).orElseThrow();
    }

    private OrderStatus onHeadOffice(String clientOrderId) {
        return backend.orders().byClientOrderId(clientOrderId).orElseThrow().status();
    }

    /** The store server, knowing {@code order} as it would after following head office; answers its id there. */
    private long storeServerKnows(Order order) {
        storeOrders = new StoreServerOrders(Database.openStoreServerDatabase(home.resolve("store-server.db")),
                TestClocks.noonInJakarta(), 100);
        storeServer = new StoreServer(storeOrders, StoreServer.Options.loopback(),
                TestClocks.noonInJakarta()).start();
        return storeOrders.save(order.withLocalId(null)).order().localId();
    }

    private static URI backendNobodyAnswers() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void orderStatusMovesTheOrderOnHeadOffice() {
        Order order = placedOnHeadOffice("k-bump");

        assertThat(run(withStore("order-status", "--id", order.centralId().toString(), "--status", "preparing")))
                .isZero();

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("\u2192 preparing: sent");
        assertThat(onHeadOffice("k-bump")).isEqualTo(OrderStatus.PREPARING);
    }

    @Test
    void aStepBackOrAStatusNobodyKnowsIsRefusedWithOneLine() {
        Order order = placedOnHeadOffice("k-back");
        String id = order.centralId().toString();
        assertThat(run(withStore("order-status", "--id", id, "--status", "ready"))).isZero();

        assertThat(run(withStore("order-status", "--id", id, "--status", "preparing")))
                .isEqualTo(OutletKioskCommand.FAILED);
        assertThat(err.toString().strip()).isEqualTo("outlet-kiosk: order " + order.orderNumber()
                + " is ready already and cannot become preparing");
        assertThat(onHeadOffice("k-back")).isEqualTo(OrderStatus.READY);

        assertThat(run(withStore("order-status", "--id", id, "--status", "done"))).isEqualTo(2);
        assertThat(err.toString()).contains(
                "--status: \"done\" is not one of preparing, ready, completed, cancelled");
        assertThat(run(withStore("order-status", "--id", id, "--local-id", "3", "--status", "ready"))).isEqualTo(2);
        assertThat(run(withStore("order-status", "--status", "ready"))).isEqualTo(2);
    }

    @Test
    void aStepBackOnlyHeadOfficeKnowsOfIsRefusedToo() {
        Order order = placedOnHeadOffice("k-elsewhere");
        backend.orders().changeStatus(order.centralId(), OrderStatus.CANCELLED); // the cashier cancels there

        // placing an order does not enter it in this terminal's ledger: only head office knows it is cancelled
        assertThat(run(withStore("order-status", "--id", order.centralId().toString(), "--status", "ready")))
                .isEqualTo(OutletKioskCommand.FAILED);

        assertThat(err.toString().strip()).isEqualTo("outlet-kiosk: order " + order.orderNumber()
                + " is cancelled at head office already and cannot become ready");
        assertThat(onHeadOffice("k-elsewhere")).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void withHeadOfficeAwayTheStoreServerHasTheChangeAndTheFlushDeliversItLater() throws Exception {
        Order order = placedOnHeadOffice("k-away");
        long storeId = storeServerKnows(order);
        URI away = backendNobodyAnswers();
        String store = storeServer.baseUri().toString();
        // the kitchen terminal saw the order on its board, from the store server, under both ids
        assertThat(run(atTerminal(away, "kitchen", "listen", "--json", "--count", "1", "--local-http", store)))
                .isZero();

        assertThat(run(atTerminal(away, "kitchen", "order-status", "--id", order.centralId().toString(),
                "--status", "preparing", "--local-http", store))).isZero();

        assertThat(err.toString().strip()).startsWith("outlet-kiosk: " + order.orderNumber()
                + " \u2192 preparing is queued for head office: cannot reach the backend at 127.0.0.1:")
                .endsWith("; the store server has it");
        assertThat(storeOrders.byLocalId(storeId).status()).isEqualTo(OrderStatus.PREPARING);
        assertThat(onHeadOffice("k-away")).isEqualTo(OrderStatus.PENDING);

        assertThat(run(atTerminal(away, "kitchen", "outbox"))).isZero();
        assertThat(out.toString()).contains("status changes:")
                .containsPattern(order.orderNumber() + " \u2192 preparing\\s+queued\\s+\\d+  cannot reach the backend");
        assertThat(run(atTerminal(away, "kitchen", "outbox", "--json"))).isZero();
        assertThat(readJson(out.toString())).singleElement().satisfies(change -> {
            assertThat(change.get("kind").asText()).isEqualTo("status");
            assertThat(change.get("order").asText()).isEqualTo(order.orderNumber());
            assertThat(change.get("status").asText()).isEqualTo("preparing");
            assertThat(change.get("central_id").asLong()).isEqualTo(order.centralId());
            assertThat(change.get("local_id").asLong()).isEqualTo(storeId);
            assertThat(change.get("state").asText()).isEqualTo("queued");
            assertThat(change.get("local_copy").asBoolean()).isTrue();
        });

        assertThat(run(atTerminal(backend.baseUri(), "kitchen", "outbox", "--flush"))).isZero();
        assertThat(out.toString()).contains("sent 1").contains("still queued 0");
        assertThat(onHeadOffice("k-away")).isEqualTo(OrderStatus.PREPARING);
        assertThat(run(atTerminal(backend.baseUri(), "kitchen", "outbox", "--json"))).isZero();
        assertThat(readJson(out.toString())).isEmpty();
        assertThat(run(atTerminal(backend.baseUri(), "kitchen", "outbox", "--all", "--json"))).isZero();
        assertThat(readJson(out.toString())).singleElement()
                .satisfies(change -> assertThat(change.get("state").asText()).isEqualTo("sent"));
    }

    @Test
    void listenShowsEveryStatusChangeWithItsStatus() throws Exception {
        Order order = placedOnHeadOffice("k-listen");
        StringWriter screen = new StringWriter();
        // the kitchen screen has its own store: what this terminal changes is news to it
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> commandLine(screen,
                new StringWriter()).execute(atTerminal(backend.baseUri(), "screen", "listen", "--json", "--count", "3")));
        await().atMost(Duration.ofSeconds(15)).until(() -> screen.toString().contains("new_order"));

        assertThat(run(withStore("order-status", "--id", order.centralId().toString(), "--status", "ready"))).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> screen.toString().contains("order_updated"));
        assertThat(run(withStore("order-status", "--id", order.centralId().toString(), "--status", "cancelled")))
                .isZero();

        assertThat(listening.get(15, TimeUnit.SECONDS)).isZero();
        List<JsonNode> orderLines = screen.toString().lines().map(CommandLineTest::readJson)
                .filter(line -> line.get("kind").asText().equals("order")).toList();
        assertThat(orderLines).extracting(line -> line.get("event").asText() + " " + line.get("status").asText())
                .containsExactly("new_order pending", "order_updated ready", "order_cancelled cancelled");
        assertThat(orderLines).allSatisfy(line -> assertThat(line.get("id").asLong()).isEqualTo(order.centralId()));
    }
}
