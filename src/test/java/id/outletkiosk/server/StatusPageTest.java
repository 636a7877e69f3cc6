package id.outletkiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.server.StatusWords.Language;
import id.outletkiosk.store.TerminalReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store status page as a manager reads it: in their language, red where news stopped, never a tag a terminal sent. */
class StatusPageTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z"); // 12:00 in Jakarta
    private static final StoreFigures FIGURES = new StoreFigures(1234, 7, 2.5);

    @Test
    void whateverATerminalSendsIsShownAsTextNeverAsMarkup() {
        TerminalReport hostile = new TerminalReport("<script>alert(1)</script>", "kiosk\"><b>", "\"><img src=x onerror=alert(2)>",
                "<i>online</i>", NOW.minusSeconds(60), 3, NOW.minusSeconds(30), 0, 0,
                List.of("<svg onload=alert(3)>", "ORDERS_WAITING"), NOW.minusSeconds(2));

        String html = render(Language.INDONESIAN, List.of(hostile));

        assertThat(html).doesNotContain("<script>alert", "<img", "<svg", "<i>online", "<b>", "onerror=alert(2)>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "data-terminal=\"&lt;script&gt;",
                "data-role=\"kiosk&quot;&gt;&lt;b&gt;\"", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
                "Jalur tak dikenal: &lt;i&gt;online&lt;/i&gt;", "Peringatan lain: &lt;svg onload=alert(3)&gt;");
        assertThat(html).as("the only markup is the page's own").doesNotContainIgnoringCase("<script");
    }

    @Test
    void aTerminalSilentForMoreThanAMinuteTurnsRed() {
        TerminalReport kitchen = report("D1", "kitchen", "local", NOW.minusSeconds(60));
        TerminalReport kiosk = report("K1", "kiosk", "online", NOW.minusSeconds(61));

        String html = render(Language.ENGLISH, List.of(kitchen, kiosk));

        assertThat(row(html, "D1")).contains("<tr class=\"terminal\"", "class=\"last-report\"", "1 min ago")
                .doesNotContain("late");
        assertThat(row(html, "K1")).contains("<tr class=\"terminal silent\"", "class=\"last-report late\"", "1 min ago");
        assertThat(html.indexOf("data-terminal=\"K1\"")).as("the silent one first").isLessThan(html.indexOf(
                "data-terminal=\"D1\""));
        assertThat(html).contains("<p class=\"summary\">2 terminals · <span class=\"bad silent-count\">1 without news "
                + "for over a minute</span></p>");
        assertThat(row(render(Language.ENGLISH, List.of(report("K1", "kiosk", "online", NOW.minusSeconds(3)))), "K1"))
                .contains("just now");
    }

    @Test
    void indonesianUnlessTheBrowserPrefersEnglish() {
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.INDONESIAN);
        assertThat(Language.fromAcceptLanguage("")).isEqualTo(Language.INDONESIAN);
        assertThat(Language.fromAcceptLanguage("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7")).isEqualTo(Language.INDONESIAN);
        assertThat(Language.fromAcceptLanguage("in-ID")).as("old Android's code").isEqualTo(Language.INDONESIAN);
        assertThat(Language.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Language.ENGLISH);
        assertThat(Language.fromAcceptLanguage("en;q=0.4,id;q=0.8")).as("by weight, not by order")
                .isEqualTo(Language.INDONESIAN);
        assertThat(Language.fromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5")).isEqualTo(Language.ENGLISH);
        assertThat(Language.fromAcceptLanguage("id;q=0,en")).isEqualTo(Language.ENGLISH);
        assertThat(Language.fromAcceptLanguage("ja-JP")).isEqualTo(Language.INDONESIAN);
        assertThat(Language.fromAcceptLanguage(";;q=x,,")).as("unreadable").isEqualTo(Language.INDONESIAN);

        List<TerminalReport> one = List.of(report("K1", "kiosk", "polling", NOW.minusSeconds(20)));
        assertThat(render(Language.INDONESIAN, one)).contains("<html lang=\"id\">", "<h1>Status toko</h1>",
                "Server toko (polling)", "20 dtk lalu", "1.234", "2,5", "Kios");
        assertThat(render(Language.ENGLISH, one)).contains("<html lang=\"en\">", "<h1>Store status</h1>",
                "Store server (polling)", "20 s ago", "1,234", "2.5", "Kiosk");
    }

    @Test
    void alertsAreSentencesWithTheFiguresTheReportCarries() {
        TerminalReport troubled = new TerminalReport("K2", "kiosk", "0.1.0", "offline", NOW.minus(Duration.ofMinutes(75)),
                12, NOW.minus(Duration.ofDays(2)), 3, 1,
                List.of("NOTHING_REACHABLE", "MENU_OUTDATED", "ORDERS_WAITING", "STATUS_CHANGES_WAITING"), NOW);
        TerminalReport neverSynced = new TerminalReport("K3", "kiosk", "0.1.0", "online", NOW, 0, null, 0, 0,
                List.of("MENU_OUTDATED"), NOW);

        String indonesian = render(Language.INDONESIAN, List.of(troubled, neverSynced));
        assertThat(row(indonesian, "K2")).contains("Tak ada server terjangkau: pesanan menunggu di terminal",
                "Menu lama (2 hari)", "3 pesanan menunggu pusat", "1 perubahan status menunggu", "sejak 10:45",
                "class=\"number orders-waiting waiting\"");
        assertThat(row(indonesian, "K3")).contains("Menu belum pernah diperbarui", "belum pernah");

        String english = render(Language.ENGLISH, List.of(troubled));
        assertThat(row(english, "K2")).contains("No server reachable: orders wait on the terminal", "Menu 2 d old",
                "3 orders waiting for head office", "1 status change waiting", "since 10:45", "Offline");
        assertThat(row(render(Language.ENGLISH, List.of(report("K1", "kiosk", "online", NOW))), "K1"))
                .contains("All healthy", "Online (head office)", "transport-online");
    }

    @Test
    void aStoreWhereNobodyReportedSaysSoAndStillShowsItsFigures() {
        String html = render(Language.ENGLISH, List.of());

        assertThat(html).contains("No terminal has reported in the last 24 hours", "1,234", "open sockets")
                .doesNotContain("<table");
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "<meta http-equiv=\"refresh\" content=\"10\">", "As of 12:00:00");
    }

    private static TerminalReport report(String name, String role, String transport, Instant receivedAt) {
        return new TerminalReport(name, role, "0.1.0", transport, receivedAt.minusSeconds(600), 42,
                receivedAt.minusSeconds(900), 0, 0, List.of(), receivedAt);
    }

    private static String render(Language language, List<TerminalReport> terminals) {
        return new StatusPage(new StatusWords(language), JAKARTA).render(terminals, FIGURES, NOW);
    }

    /** The one table row of terminal {@code name}. */
    private static String row(String html, String name) {
        int start = html.lastIndexOf("<tr", html.indexOf("data-terminal=\"" + name + "\""));
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
