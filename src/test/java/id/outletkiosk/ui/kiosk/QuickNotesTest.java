package id.outletkiosk.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.pricing.Cart;
import id.outletkiosk.ui.Messages;
import org.junit.jupiter.api.Test;

/** The dish sheet's quick-note chips without a screen: toggles, the spicy pair, the note they make. */
class QuickNotesTest {
    private final Messages indonesian = Messages.indonesian();

    @Test
    void aChipTogglesOnAndOffAndTheSpicyPairExcludeEachOther() {
        QuickNotes notes = new QuickNotes(indonesian, "");
        notes.toggle(QuickNotes.Chip.NOT_SPICY);
        notes.toggle(QuickNotes.Chip.NO_ONION);
        assertThat(notes.notes()).isEqualTo("Tidak pedas, Tanpa bawang");

        notes.toggle(QuickNotes.Chip.EXTRA_SPICY); // "not spicy" goes off
        assertThat(notes.isChosen(QuickNotes.Chip.NOT_SPICY)).isFalse();
        assertThat(notes.isChosen(QuickNotes.Chip.EXTRA_SPICY)).isTrue();
        assertThat(notes.notes()).isEqualTo("Extra pedas, Tanpa bawang"); // the sheet's order, not the taps'

        notes.toggle(QuickNotes.Chip.NO_ONION); // a second tap takes it back
        notes.setTyped("  sambal dipisah ");
        assertThat(notes.notes()).isEqualTo("Extra pedas, sambal dipisah");
    }

    @Test
    void anEditedLineGetsItsChipsBackAndTheRestAsTyped() {
        QuickNotes notes = new QuickNotes(Messages.english(), "Not spicy, No onion, less rice, extra egg");
        assertThat(notes.isChosen(QuickNotes.Chip.NOT_SPICY)).isTrue();
        assertThat(notes.isChosen(QuickNotes.Chip.NO_ONION)).isTrue();
        assertThat(notes.typed()).isEqualTo("less rice, extra egg");
        assertThat(notes.notes()).isEqualTo("Not spicy, No onion, less rice, extra egg");

        assertThat(new QuickNotes(indonesian, "pedas sedikit, Tidak pedas").typed())
                .isEqualTo("pedas sedikit, Tidak pedas"); // chips are only read at the start
    }

    @Test
    void theTypedPartGetsTheRoomTheChipsLeave() {
        QuickNotes notes = new QuickNotes(indonesian, "");
        assertThat(notes.typedRoom()).isEqualTo(Cart.MAX_NOTES_LENGTH);
        notes.toggle(QuickNotes.Chip.NOT_SPICY);
        assertThat(notes.typedRoom()).isEqualTo(Cart.MAX_NOTES_LENGTH - "Tidak pedas, ".length());
        notes.setTyped("x".repeat(200));
        assertThat(notes.notes()).hasSize(Cart.MAX_NOTES_LENGTH).startsWith("Tidak pedas, xxx");
    }
}
