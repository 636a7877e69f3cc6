package id.outletkiosk.server;

import id.outletkiosk.store.StoreServerTerminals;
import id.outletkiosk.store.TerminalReport;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The terminals' health as their latest reports tell it, read from the store server's database at each
 * scrape (one query): who is on which transport, what waits on each terminal, how old its menu and its
 * last report are. Only terminals heard from in the last 24 hours are exported, and at most
 * {@link #MAX_TERMINALS} of them, so the {@code terminal} label stays bounded whatever is posted.
 */
final class TerminalMeters implements MultiCollector {
    static final Duration REMEMBERED = Duration.ofHours(24);
    /** Far beyond a store's screens; only a flood of made-up names reaches it. */
    static final int MAX_TERMINALS = 200;
    /** Every pair is exported, zeros included, so a dashboard shows "0 offline" rather than no data. */
    static final List<String> ROLES = List.of("kiosk", "kitchen", "manager", "pickup");
    static final List<String> TRANSPORTS = List.of("online", "local", "polling", "offline");

    private final StoreServerTerminals terminals;
    private final Clock clock;

    TerminalMeters(StoreServerTerminals terminals, Clock clock) {
        this.terminals = terminals;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        Instant now = clock.instant();
        List<TerminalReport> reports = terminals.reportedSince(now.minus(REMEMBERED));
        if (reports.size() > MAX_TERMINALS) {
            reports = reports.subList(0, MAX_TERMINALS);
        }
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder().metricSnapshot(byRoleAndTransport(reports));
        GaugeSnapshot.Builder info = gauge("terminal_info",
                "1 per terminal reported in the last 24 h, with its role, transport and app version");
        GaugeSnapshot.Builder alerts = gauge("terminal_alerts", "1 per alert a terminal reports (health.Alert.Kind)");
        for (TerminalReport report : reports) {
            info.dataPoint(point(1, labelsOf(report).merge(Labels.of("app_version", report.appVersion(),
                    "transport", report.transport()))));
            for (String alert : report.alerts()) {
                alerts.dataPoint(point(1, labelsOf(report).add("alert", alert)));
            }
        }
        snapshots.metricSnapshot(info.build()).metricSnapshot(alerts.build());
        snapshots.metricSnapshot(perTerminal(reports, "terminal_orders_waiting",
                "Orders kept on the terminal, not yet at the central backend", null, r -> r.ordersWaiting()));
        snapshots.metricSnapshot(perTerminal(reports, "terminal_status_changes_waiting",
                "Status changes (bumps, cancels) kept on the terminal, not yet at the central backend", null,
                r -> r.statusChangesWaiting()));
        snapshots.metricSnapshot(perTerminal(reports, "terminal_menu_age", "Time since the terminal last "
                + "refreshed its menu (no sample when it never has)", Unit.SECONDS, r -> r.menuSyncedAt() == null
                        ? Double.NaN : secondsBetween(r.menuSyncedAt(), now)));
        snapshots.metricSnapshot(perTerminal(reports, "terminal_report_age", "Time since the terminal's last "
                + "report, by this server's clock (terminals report every 15 s)", Unit.SECONDS,
                r -> secondsBetween(r.receivedAt(), now)));
        return snapshots.build();
    }

    private static GaugeSnapshot byRoleAndTransport(List<TerminalReport> reports) {
        Map<Labels, Integer> counts = new TreeMap<>();
        for (String role : ROLES) {
            for (String transport : TRANSPORTS) {
                counts.put(Labels.of("role", role, "transport", transport), 0);
            }
        }
        reports.forEach(report -> counts.merge(Labels.of("role", report.role(), "transport", report.transport()), 1,
                Integer::sum));
        GaugeSnapshot.Builder gauge = gauge("terminals",
                "Terminals reported in the last 24 h, by role and transport of their latest report");
        counts.forEach((labels, count) -> gauge.dataPoint(point(count, labels)));
        return gauge.build();
    }

    private static GaugeSnapshot perTerminal(List<TerminalReport> reports, String name, String help, Unit unit,
            ToDoubleFunction<TerminalReport> value) {
        GaugeSnapshot.Builder gauge = gauge(name, help);
        if (unit != null) {
            gauge.name(ServerMeters.PREFIX + name + "_" + unit).unit(unit);
        }
        for (TerminalReport report : reports) {
            double of = value.applyAsDouble(report);
            if (!Double.isNaN(of)) {
                gauge.dataPoint(point(of, labelsOf(report)));
            }
        }
        return gauge.build();
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(ServerMeters.PREFIX + name).help(help);
    }

    private static GaugeDataPointSnapshot point(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    /** A terminal is its name and role (a kiosk and a kitchen may both be called K). */
    private static Labels labelsOf(TerminalReport report) {
        return Labels.of("terminal", report.terminal(), "role", report.role());
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
