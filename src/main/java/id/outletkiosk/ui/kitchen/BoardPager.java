package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.Messages;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The row under the board: the page shown and how many, the buttons to the earlier and later tickets
 * (the later one marked while a new ticket waits out of view), and Undo while a bump is held.
 */
final class BoardPager {
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");

    private final KitchenBoardViewModel board;
    private final Messages messages;
    private final Label pageLabel;
    private final Button earlier;
    private final Button later;
    private final Button undo;

    BoardPager(KitchenBoardViewModel board, Messages messages, Label pageLabel, Button earlier, Button later,
            Button undo) {
        this.board = board;
        this.messages = messages;
        this.pageLabel = pageLabel;
        this.earlier = earlier;
        this.later = later;
        this.undo = undo;
    }

    /** The page shown, and the tickets before and after it. */
    void showPages() {
        BoardPages pages = board.pages();
        int count = pages.pageCountProperty().get();
        pageLabel.setText(messages.get("kitchen.pager.page", pages.pageProperty().get() + 1, count));
        earlier.setVisible(pages.earlier() > 0);
        earlier.setManaged(pages.earlier() > 0);
        earlier.setText(messages.get("kitchen.pager.earlier", pages.earlier()));
        int more = pages.later();
        boolean fresh = pages.freshOutOfView();
        later.setVisible(more > 0);
        later.setManaged(more > 0);
        later.setText(messages.get(fresh ? "kitchen.pager.laterNew" : "kitchen.pager.later", more));
        later.pseudoClassStateChanged(FRESH, fresh);
    }

    /** The Undo button while a bump is held: which order, to what, and the seconds left. */
    void showUndo() {
        HeldBump.Hold hold = board.heldProperty().get();
        undo.setVisible(hold != null);
        undo.setManaged(hold != null);
        if (hold != null) {
            undo.setText(messages.get("kitchen.undo", hold.original().shortNumber(),
                    messages.get("kitchen.status." + hold.shownStatus().wireName()), board.undoSecondsLeft()));
        }
    }
}
