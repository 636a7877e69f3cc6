package id.outletkiosk.ui.kitchen;

/** One line of the all-day panel: a dish and how many are still to cook. */
public record AllDayLine(String dish, int count) {
}
