package id.outletkiosk.server;

import id.outletkiosk.store.TerminalReport;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The store status page's words in Bahasa Indonesia or English: its own bundle ({@code server/status}),
 * and from the screens' bundle the transports and the alerts whose figure a report carries, so a manager
 * reads the same words on the page as on the terminal.
 */
final class StatusWords {
    /** The page's two languages. */
    enum Language {
        INDONESIAN("id"), ENGLISH("en");

        final String tag;

        Language(String tag) {
            this.tag = tag;
        }

        /**
         * Bahasa Indonesia unless the browser prefers English to it. The stores are in Indonesia and the
         * terminals' screens speak Indonesian by default, so a phone that names neither (or no
         * Accept-Language at all, or one that cannot be read) gets Indonesian too.
         */
        static Language fromAcceptLanguage(String header) {
            if (header == null || header.isBlank()) {
                return INDONESIAN;
            }
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String primary = range.getRange().split("-", 2)[0];
                    if (range.getWeight() > 0 && (primary.equals("id") || primary.equals("in"))) {
                        return INDONESIAN; // "in": Indonesian's withdrawn ISO code, still sent by old Androids
                    }
                    if (range.getWeight() > 0 && primary.equals("en")) {
                        return ENGLISH;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a header nobody can read chooses nothing: the default below
            }
            return INDONESIAN;
        }
    }

    private final Language language;
    private final Locale locale;
    private final ResourceBundle page;
    private final ResourceBundle screens;

    StatusWords(Language language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language.tag);
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        this.page = ResourceBundle.getBundle("id.outletkiosk.server.status", locale, noFallback);
        this.screens = ResourceBundle.getBundle("id.outletkiosk.ui.messages", locale, noFallback);
    }

    Language language() {
        return language;
    }

    /** A page text, its {0}, {1}... filled with {@code arguments}. */
    String get(String key, Object... arguments) {
        return format(page.getString(key), arguments);
    }

    /** "Kios", "Kitchen"; a role this server does not know, as the terminal sent it. */
    String role(String role) {
        return lookup(page, "role." + role, role);
    }

    /** "Online (pusat)", "Store server (polling)": the words of the terminal's own status bar. */
    String transport(String transport) {
        String known = lookup(screens, "manager.mode." + transport.toUpperCase(Locale.ROOT), null);
        return known != null ? known : get("transport.unknown", transport);
    }

    /** Each alert as a short sentence, with the figure the report carries where the screens' words have one. */
    List<String> alerts(TerminalReport report, Instant now) {
        return report.alerts().stream().map(kind -> alert(kind, report, now)).toList();
    }

    private String alert(String kind, TerminalReport report, Instant now) {
        return switch (kind.toUpperCase(Locale.ROOT)) { // Alert.Kind names; any case a terminal sent
            case "MENU_OUTDATED" -> report.menuSyncedAt() == null ? screen("alert.menu_never.short")
                    : screen("alert.menu_outdated.short", age(Duration.between(report.menuSyncedAt(), now)));
            case "ORDERS_WAITING" -> screen("alert.orders_waiting.short", report.ordersWaiting());
            case "STATUS_CHANGES_WAITING" -> screen("alert.status_changes_waiting.short",
                    report.statusChangesWaiting());
            default -> {
                String own = lookup(page, "alert." + kind.toLowerCase(Locale.ROOT), null);
                yield own != null ? own : get("alert.unknown", kind); // a newer terminal's alert
            }
        };
    }

    /** "3 mnt lalu", "just now". */
    String ago(Duration elapsed) {
        return elapsed.toSeconds() < 5 ? get("ago.now") : get("ago", age(elapsed));
    }

    /** "45 dtk", "12 min", "3 jam 20 mnt", "2 d": the units a person glancing at a phone needs. */
    String age(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return get("unit.seconds", seconds);
        }
        if (seconds < 3600) {
            return get("unit.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            long minutes = seconds % 3600 / 60;
            return minutes == 0 ? get("unit.hours", seconds / 3600) : get("unit.hoursMinutes", seconds / 3600, minutes);
        }
        return get("unit.days", seconds / 86_400);
    }

    /** "1.234" in Indonesian, "1,234" in English. */
    String whole(long number) {
        return NumberFormat.getIntegerInstance(locale).format(number);
    }

    /** One decimal: "2,5" in Indonesian, "2.5" in English. */
    String oneDecimal(double number) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(number);
    }

    private String screen(String key, Object... arguments) {
        return format(screens.getString(key), arguments);
    }

    private String format(String pattern, Object... arguments) {
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private static String lookup(ResourceBundle bundle, String key, String otherwise) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }
}
