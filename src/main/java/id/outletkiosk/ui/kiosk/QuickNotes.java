package id.outletkiosk.ui.kiosk;

import id.outletkiosk.pricing.Cart;
import id.outletkiosk.ui.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The dish sheet's quick notes: chips a customer taps on and off instead of typing, some of which
 * exclude each other ("not spicy" and "extra spicy" cannot both be true). The note the kitchen reads is
 * the chosen chips in the sheet's order, then whatever was typed. Screen-free; the sheet binds to it.
 */
public final class QuickNotes {
    /** One chip; {@code group} non-null: choosing it un-chooses the others of its group. */
    public enum Chip {
        NOT_SPICY("sheet.quick.mild", "spice"),
        EXTRA_SPICY("sheet.quick.spicy", "spice"),
        NO_ONION("sheet.quick.noOnion", null),
        SAUCE_APART("sheet.quick.sauceApart", null);

        private final String messageKey;
        private final String group;

        Chip(String messageKey, String group) {
            this.messageKey = messageKey;
            this.group = group;
        }

        public String text(Messages messages) {
            return messages.get(messageKey);
        }

        boolean excludes(Chip other) {
            return other != this && group != null && group.equals(other.group);
        }
    }

    private static final String SEPARATOR = ", ";

    private final Messages messages;
    private final Set<Chip> chosen = EnumSet.noneOf(Chip.class);
    private String typed = "";

    /**
     * @param notes a cart line's notes when it is edited ("" for a new dish): the chips it starts with
     *              are chosen again, the rest is the typed part
     */
    public QuickNotes(Messages messages, String notes) {
        this.messages = messages;
        List<String> rest = new ArrayList<>();
        for (String part : (notes == null ? "" : notes.strip()).split(SEPARATOR)) {
            Chip chip = rest.isEmpty() ? chipNamed(part.strip()) : null;
            if (chip != null) {
                choose(chip);
            } else if (!part.isBlank()) {
                rest.add(part.strip());
            }
        }
        typed = String.join(SEPARATOR, rest);
    }

    /** Taps a chip: on when it was off (its group's other chip goes off), off when it was on. */
    public void toggle(Chip chip) {
        if (chosen.contains(chip)) {
            chosen.remove(chip);
        } else {
            choose(chip);
        }
    }

    public boolean isChosen(Chip chip) {
        return chosen.contains(chip);
    }

    public String typed() {
        return typed;
    }

    public void setTyped(String text) {
        typed = text == null ? "" : text;
    }

    /** What the typed part may still hold so the whole note stays within {@link Cart#MAX_NOTES_LENGTH}. */
    public int typedRoom() {
        String chips = chipsText();
        return Math.max(0, Cart.MAX_NOTES_LENGTH - chips.length() - (chips.isEmpty() ? 0 : SEPARATOR.length()));
    }

    /** The note for the kitchen: chosen chips in the sheet's order, then the typed text; at most 140 characters. */
    public String notes() {
        String chips = chipsText();
        String free = typed.strip();
        String whole = chips.isEmpty() ? free : free.isEmpty() ? chips : chips + SEPARATOR + free;
        return whole.length() > Cart.MAX_NOTES_LENGTH ? whole.substring(0, Cart.MAX_NOTES_LENGTH).strip() : whole;
    }

    private String chipsText() {
        return String.join(SEPARATOR, Arrays.stream(Chip.values()).filter(chosen::contains)
                .map(chip -> chip.text(messages)).toList());
    }

    private void choose(Chip chip) {
        chosen.removeIf(chip::excludes);
        chosen.add(chip);
    }

    private Chip chipNamed(String text) {
        return Arrays.stream(Chip.values()).filter(chip -> chip.text(messages).equalsIgnoreCase(text)).findFirst()
                .orElse(null);
    }
}
