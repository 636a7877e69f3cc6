package id.outletkiosk.ui.kiosk;

/**
 * Where the customer eats, asked once per order at checkout. The order has no field for it yet (the
 * wire format decides that later), so a take-away order says it in each dish's note, in both
 * languages, where every cook and packer reads it.
 */
public enum Dining {
    EAT_IN, TAKE_AWAY;

    /** The line a take-away dish's note starts with. */
    static final String TAKE_AWAY_NOTE = "Bungkus / Take away";

    /** What the kitchen reads for a dish: the customer's note, after the take-away line when it is one. */
    String kitchenNotes(String notes) {
        String own = notes == null ? "" : notes.strip();
        if (this == EAT_IN) {
            return own;
        }
        return own.isEmpty() ? TAKE_AWAY_NOTE : TAKE_AWAY_NOTE + "\n" + own;
    }
}
