package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import id.outletkiosk.store.TerminalReport;
import id.outletkiosk.testing.PrometheusText;
import id.outletkiosk.testing.SteppingClock;
import id.outletkiosk.testing.TempFolders;
import id.outletkiosk.wire.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard shipped under packaging/ imports (valid JSON, a schema version, the Prometheus data
 * source as a variable, a store variable) and asks only for series a store server really exports.
 */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("packaging/grafana/outlet-kiosk-stores.json");
    private static final Pattern METRIC = Pattern.compile("\\boutletkiosk_[a-z_]+");

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;

    @Test
    void theDashboardImportsAndAsksOnlyForExportedSeries() throws Exception {
        JsonNode dashboard = Json.MAPPER.readTree(Files.readString(DASHBOARD));

        assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asText()));
        assertThat(variables).contains("datasource", "store");
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        assertThat(panels).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets")).isNotEmpty();
        });

        Set<String> exported = exportedSeries();
        List<String> asked = new ArrayList<>();
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(expr).as(panel.path("title").asText()).contains("store=~\"$store\"");
                Matcher metric = METRIC.matcher(expr);
                while (metric.find()) {
                    asked.add(metric.group());
                }
            }
        }
        assertThat(asked).isNotEmpty();
        assertThat(exported).containsAll(asked);
    }

    /** Every series name of a store server's /metrics, with a terminal reported so theirs are there too. */
    private Set<String> exportedSeries() throws Exception {
        SteppingClock clock = SteppingClock.atNoonInJakarta();
        StoreServerOrders store = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("local.db")),
                clock, 100);
        try (store; StoreServer server = new StoreServer(store, StoreServer.Options.loopback(), clock).start()) {
            store.terminals().record(new TerminalReport("K1", "kiosk", "1.4.0", "online", clock.instant(), 1,
                    clock.instant(), 0, 0, List.of("MENU_OUTDATED"), clock.instant()));
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUri()
                    + MetricsRoutes.PATH)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return PrometheusText.parse(body).samples().stream().map(PrometheusText.Sample::name)
                    .collect(Collectors.toSet());
        } finally {
            TempFolders.deleteWhenQuiet(folder);
        }
    }
}
