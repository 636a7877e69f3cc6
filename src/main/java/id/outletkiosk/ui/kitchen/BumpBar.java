package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.manager.ManagerAccess;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard bump bar: a letter picks the ticket that shows it, the arrows move the pick through
 * every ticket (the page follows), PgDn / PgUp turn the page, Enter bumps, Backspace or U undoes the
 * last bump, Esc unpicks, R recall, M sound; the kitchen's status switch, when shown, has its own keys
 * first. Digits pick nothing: they would read as order numbers.
 */
final class BumpBar {
    private final KitchenBoardViewModel board;
    /** The board's root: while the manager's panel is open on its scene, keys are the panel's. */
    private final Parent root;
    /** The kitchen's open / busy / paused switch; null where the header has none. */
    private final KitchenStatusSwitch statusSwitch;

    BumpBar(KitchenBoardViewModel board, Parent root, KitchenStatusSwitch statusSwitch) {
        this.board = board;
        this.root = root;
        this.statusSwitch = statusSwitch;
    }

    /** A key pressed anywhere in the board's scene; consumed when it meant something to the board. */
    void onKey(KeyEvent event) {
        // a chord (Ctrl+Shift+M opens the manager's panel) or a PIN typed into that panel is not a bump
        if (event.isShortcutDown() || event.isControlDown() || event.isAltDown()
                || ManagerAccess.isOpenOn(root.getScene())) {
            return;
        }
        KeyCode code = event.getCode();
        if (statusSwitch != null && statusSwitch.onKey(code)) {
            event.consume();
            return;
        }
        BoardPages pages = board.pages();
        switch (code) {
            case ENTER -> board.bumpSelected();
            case BACK_SPACE, U -> board.undo();
            case ESCAPE -> pages.clearPick();
            case RIGHT, DOWN -> pages.pickNext();
            case LEFT, UP -> pages.pickPrevious();
            case PAGE_DOWN -> pages.nextPage();
            case PAGE_UP -> pages.previousPage();
            case R -> board.toggleRecall();
            case M -> board.toggleMute();
            default -> {
                // a digit picks nothing: it would read as an order number ("4" beside "#5")
                if (!code.isDigitKey() && !(code.isLetterKey() && pages.pickKey(code.getName().charAt(0)))) {
                    return;
                }
            }
        }
        event.consume();
    }
}
