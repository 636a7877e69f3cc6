package id.outletkiosk.ui;

import id.outletkiosk.health.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** How staff screens write times, ages and health alerts: the manager's panel and the status bar. */
public final class HealthTexts {
    private final Messages messages;
    private final Clock clock;

    public HealthTexts(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** "14:05:09" today, "24 Nov 14:05" before; "-" for never. */
    public String time(Instant instant) {
        if (instant == null) {
            return messages.get("manager.never");
        }
        ZoneId zone = clock.getZone();
        boolean today = instant.atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return DateTimeFormatter.ofPattern(today ? "HH:mm:ss" : "d MMM HH:mm", messages.locale())
                .format(instant.atZone(zone));
    }

    /** "10:42" today, "24 Nov 10:42" before: when a link was lost, to the minute a person thinks in. */
    public String since(Instant instant) {
        if (instant == null) {
            return messages.get("manager.never");
        }
        ZoneId zone = clock.getZone();
        boolean today = instant.atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return DateTimeFormatter.ofPattern(today ? "HH:mm" : "d MMM HH:mm", messages.locale()).format(instant.atZone(zone));
    }

    /** "850 ms", "42 s", "12 min", "3 h 20 min", "2 d 4 h": the two largest units a person needs. */
    public String age(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0 s";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " " + messages.get("manager.unit.minutes");
        }
        String hours = messages.get("manager.unit.hours");
        if (seconds < 86_400) {
            long minutes = seconds % 3600 / 60;
            return seconds / 3600 + " " + hours + (minutes == 0 ? "" : " " + minutes + " "
                    + messages.get("manager.unit.minutes"));
        }
        return seconds / 86_400 + " " + messages.get("manager.unit.days") + " " + seconds % 86_400 / 3600 + " " + hours;
    }

    /** The alert in full words: the manager's panel, the status bar's tooltip. */
    public String alert(Alert alert) {
        return words(alert, "");
    }

    /**
     * The alert in a few words, for a status bar that has one line for it ("Head office unreachable since
     * 10:42"); the full sentence is its tooltip and the manager's panel.
     */
    public String headline(Alert alert) {
        return words(alert, ".short");
    }

    private String words(Alert alert, String form) {
        return switch (alert.kind()) {
            case MENU_OUTDATED -> alert.age() == null ? messages.get("alert.menu_never" + form)
                    : messages.get(alert.messageKey() + form, age(alert.age()));
            case ORDERS_WAITING, STATUS_CHANGES_WAITING -> messages.get(alert.messageKey() + form, alert.count(),
                    age(alert.age()));
            case ORDERS_REFUSED, STATUS_CHANGES_REFUSED -> messages.get(alert.messageKey() + form, alert.count());
            case NO_ORDER_EVENTS -> messages.get(alert.messageKey() + form, age(alert.age()));
            case STORE_FULL -> messages.get(alert.messageKey() + form, alert.count());
            case CENTRAL_UNREACHABLE, NOTHING_REACHABLE -> messages.get(alert.messageKey() + form,
                    since(alert.since()));
        };
    }

    /** A read-only text column for the panel's tables. */
    public static <T> TableColumn<T, String> column(String title, Function<T, String> text, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(text.apply(row.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    public Messages messages() {
        return messages;
    }
}
