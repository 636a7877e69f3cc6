package id.outletkiosk.server;

import id.outletkiosk.store.TerminalReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The store status page as HTML: every terminal that reported, and the store server's own figures. One
 * table; on a phone its rows become cards (the media query in {@code status-page.css}, inlined). Everything
 * a terminal sent is escaped: a report is anyone's to write. No token, address or URL of a server is
 * ever shown. Refreshes itself with a meta refresh: no script.
 */
final class StatusPage {
    /** How often the page reloads itself. */
    static final int REFRESH_SECONDS = 10;

    /** A terminal reports every 15 s: one minute without news is four reports missed. */
    static final Duration SILENT_AFTER = Duration.ofMinutes(1);

    private static final String CSS = readCss();

    private final StatusWords words;
    private final ZoneId zone;

    StatusPage(StatusWords words, ZoneId zone) {
        this.words = words;
        this.zone = zone;
    }

    /**
     * The page at {@code now} (the store server's clock) for {@code terminals}: those that need a look
     * first (silent, then with alerts or offline), in the order given within each, so on a phone the
     * trouble is on the first screen.
     */
    String render(List<TerminalReport> reported, StoreFigures figures, Instant now) {
        List<TerminalReport> terminals = reported.stream()
                .sorted(Comparator.comparingInt(report -> needsALook(report, now))).toList(); // stable: names stay in order
        StringBuilder html = new StringBuilder(4096 + terminals.size() * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(words.language().tag).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">\n")
                .append("<title>").append(escape(words.get("page.title"))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(words.get("page.title"))).append("</h1>\n")
                .append("<p class=\"as-of\">").append(escape(words.get("page.asOf",
                        DateTimeFormatter.ofPattern("HH:mm:ss").format(now.atZone(zone)), REFRESH_SECONDS)))
                .append("</p>\n");
        appendFigures(html, figures);
        if (terminals.isEmpty()) {
            html.append("<p class=\"none\">").append(escape(words.get("page.none"))).append("</p>\n");
        } else {
            appendSummary(html, terminals, now);
            appendTable(html, terminals, now);
            html.append("<footer>").append(escape(words.get("page.footer"))).append("</footer>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private void appendFigures(StringBuilder html, StoreFigures figures) {
        html.append("<ul class=\"figures\">\n");
        figure(html, "orders-today", words.whole(figures.ordersToday()), "figures.ordersToday");
        figure(html, "open-sockets", words.whole(figures.openSockets()), "figures.openSockets");
        figure(html, "polls-per-second", words.oneDecimal(figures.pollsPerSecond()), "figures.pollsPerSecond");
        html.append("</ul>\n");
    }

    private void figure(StringBuilder html, String name, String value, String labelKey) {
        html.append("<li class=\"").append(name).append("\"><span class=\"figure\">").append(escape(value))
                .append("</span><span class=\"figure-label\">").append(escape(words.get(labelKey)))
                .append("</span></li>\n");
    }

    /** "10 terminals · 1 without news for over a minute · 3 with alerts": what to look for, before scrolling. */
    private void appendSummary(StringBuilder html, List<TerminalReport> terminals, Instant now) {
        long silent = terminals.stream().filter(report -> isSilent(report, now)).count();
        long alerting = terminals.stream().filter(report -> !report.alerts().isEmpty()).count();
        html.append("<p class=\"summary\">").append(escape(words.get("page.summary", terminals.size())));
        if (silent > 0) {
            html.append(" · <span class=\"bad silent-count\">").append(escape(words.get("page.summary.silent", silent)))
                    .append("</span>");
        }
        if (alerting > 0) {
            html.append(" · <span class=\"bad alert-count\">").append(escape(words.get("page.summary.alerts", alerting)))
                    .append("</span>");
        }
        html.append("</p>\n");
    }

    /** 0 for a silent terminal, 1 for one with alerts or offline, 2 for the rest. */
    private static int needsALook(TerminalReport report, Instant now) {
        if (isSilent(report, now)) {
            return 0;
        }
        return report.alerts().isEmpty() && !"offline".equals(report.transport()) ? 2 : 1;
    }

    private static boolean isSilent(TerminalReport report, Instant now) {
        return Duration.between(report.receivedAt(), now).compareTo(SILENT_AFTER) > 0;
    }

    private static final List<String> COLUMNS = List.of("terminal", "role", "transport", "menu", "ordersWaiting",
            "statusChangesWaiting", "lastReport", "alerts");

    private void appendTable(StringBuilder html, List<TerminalReport> terminals, Instant now) {
        html.append("<table class=\"terminals\">\n<thead><tr>");
        for (String column : COLUMNS) {
            html.append(column.endsWith("Waiting") ? "<th scope=\"col\" class=\"number\">" : "<th scope=\"col\">").append(escape(words.get("column." + column))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (TerminalReport report : terminals) {
            appendRow(html, report, now);
        }
        html.append("</tbody>\n</table>\n");
    }

    private void appendRow(StringBuilder html, TerminalReport report, Instant now) {
        Duration silence = Duration.between(report.receivedAt(), now);
        boolean silent = isSilent(report, now);
        String name = text(report.terminal());
        String role = text(report.role());
        html.append("<tr class=\"terminal").append(silent ? " silent" : "").append("\" data-terminal=\"")
                .append(escape(name)).append("\" data-role=\"").append(escape(role)).append("\">");
        cell(html, "terminal", "name-cell", "<span class=\"terminal-name\">" + escape(name)
                + "</span><span class=\"app-version\">" + escape(text(report.appVersion())) + "</span>");
        cell(html, "role", "role", escape(words.role(role)));
        cell(html, "transport", "transport-cell", transport(report, now));
        cell(html, "menu", "menu-age", escape(report.menuSyncedAt() == null ? words.get("menu.never")
                : words.age(Duration.between(report.menuSyncedAt(), now))));
        waiting(html, "ordersWaiting", "orders-waiting", report.ordersWaiting());
        waiting(html, "statusChangesWaiting", "status-changes-waiting", report.statusChangesWaiting());
        cell(html, "lastReport", "last-report" + (silent ? " late" : ""), escape(words.ago(silence)));
        cell(html, "alerts", "alerts-cell", alerts(report, now));
        html.append("</tr>\n");
    }

    private String transport(TerminalReport report, Instant now) {
        String transport = text(report.transport());
        String known = switch (transport) {
            case "online", "local", "polling", "offline" -> transport;
            default -> "unknown";
        };
        String since = report.transportSince() == null ? ""
                : "<span class=\"since\">" + escape(words.get("transport.since", sinceText(report.transportSince(), now)))
                        + "</span>";
        return "<span class=\"transport transport-" + known + "\">" + escape(words.transport(transport)) + "</span>"
                + since;
    }

    /** "10:42" today, "29/11 10:42" before: when a link changed, to the minute. */
    private String sinceText(Instant since, Instant now) {
        boolean today = since.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return DateTimeFormatter.ofPattern(today ? "HH:mm" : "dd/MM HH:mm").format(since.atZone(zone));
    }

    private void waiting(StringBuilder html, String column, String name, int count) {
        cell(html, column, "number " + name + (count > 0 ? " waiting" : ""), escape(words.whole(count)));
    }

    private String alerts(TerminalReport report, Instant now) {
        List<String> sentences = words.alerts(report, now);
        if (sentences.isEmpty()) {
            return "<span class=\"healthy\">" + escape(words.get("alerts.none")) + "</span>";
        }
        StringBuilder list = new StringBuilder("<ul class=\"alerts\">");
        sentences.forEach(sentence -> list.append("<li>").append(escape(sentence)).append("</li>"));
        return list.append("</ul>").toString();
    }

    /** One cell; its column's name goes in data-label, shown before the value when the row is a card. */
    private void cell(StringBuilder html, String column, String classes, String innerHtml) {
        html.append("<td class=\"").append(classes).append("\" data-label=\"")
                .append(escape(words.get("column." + column))).append("\"><div class=\"cell\">").append(innerHtml)
                .append("</div></td>");
    }

    private static String text(String value) {
        return Objects.toString(value, "");
    }

    /** For text and attribute values alike: the five characters HTML gives a meaning. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String readCss() {
        try (InputStream in = StatusPage.class.getResourceAsStream("status-page.css")) {
            if (in == null) {
                throw new IllegalStateException("status-page.css is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("status-page.css cannot be read", e);
        }
    }
}
