package id.outletkiosk.ui.kiosk;

import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The category rail's scrolling: across the top in portrait, down the side in landscape. A customer
 * must see that there is more, so an arrow over a fade sits at each end with categories beyond it (a
 * tap scrolls a screenful); and a finger drags the rail along, even when it starts on a category
 * button, which then does not count as a tap.
 */
final class CategoryRail {
    /** How far a finger moves before a press becomes a drag (a shaky tap still selects). */
    private static final double DRAG_AFTER = 12;

    private final boolean across;
    private final Pane buttons;
    private final ScrollPane scroll;
    private final Button back;
    private final Button onward;
    private final StackPane view;
    private double pressedAt;
    private double valueAtPress;
    private boolean dragging;
    private ButtonBase pressedButton;

    /** @param across true for the portrait rail (left to right), false for the landscape one (top to bottom) */
    CategoryRail(boolean across, String moreText) {
        this.across = across;
        this.buttons = across ? new HBox(12) : new VBox(12);
        buttons.getStyleClass().add("category-rail");
        scroll = new ScrollPane(buttons);
        scroll.getStyleClass().add("category-rail-scroll");
        scroll.setFitToHeight(across);
        scroll.setFitToWidth(!across);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        back = arrow(across ? "‹" : "⌃", -1, moreText);
        onward = arrow(across ? "›" : "⌄", 1, moreText);
        back.setId("rail-back");
        onward.setId("rail-more");
        view = new StackPane(scroll, back, onward);
        view.getStyleClass().add("category-rail-host");
        StackPane.setAlignment(back, across ? Pos.CENTER_LEFT : Pos.TOP_CENTER);
        StackPane.setAlignment(onward, across ? Pos.CENTER_RIGHT : Pos.BOTTOM_CENTER);
        InvalidationListener ends = observable -> showArrows();
        scroll.hvalueProperty().addListener(ends);
        scroll.vvalueProperty().addListener(ends);
        scroll.viewportBoundsProperty().addListener(ends);
        buttons.layoutBoundsProperty().addListener(ends);
        dragToScroll();
        showArrows();
    }

    StackPane view() {
        return view;
    }

    /** Where the category buttons go. */
    Pane buttons() {
        return buttons;
    }

    /** True when part of the rail is out of sight (the arrows are showing). */
    boolean scrolls() {
        return overflow() > 0.5;
    }

    private double overflow() {
        Bounds viewport = scroll.getViewportBounds();
        Bounds content = buttons.getLayoutBounds();
        return across ? content.getWidth() - viewport.getWidth() : content.getHeight() - viewport.getHeight();
    }

    private double value() {
        return across ? scroll.getHvalue() : scroll.getVvalue();
    }

    private void setValue(double value) {
        double bounded = Math.max(0, Math.min(1, value));
        if (across) {
            scroll.setHvalue(bounded);
        } else {
            scroll.setVvalue(bounded);
        }
    }

    private void showArrows() {
        boolean more = scrolls();
        show(back, more && value() > 0.001);
        show(onward, more && value() < 0.999);
    }

    private static void show(Node arrow, boolean visible) {
        arrow.setVisible(visible);
        arrow.setManaged(visible);
    }

    private Button arrow(String text, int direction, String moreText) {
        Button arrow = new Button(text);
        arrow.getStyleClass().addAll("rail-arrow", across ? "rail-arrow-across" : "rail-arrow-down");
        arrow.setAccessibleText(moreText);
        arrow.setFocusTraversable(false);
        arrow.setOnAction(event -> {
            Bounds viewport = scroll.getViewportBounds();
            double page = (across ? viewport.getWidth() : viewport.getHeight()) * 0.8;
            setValue(value() + direction * page / Math.max(1, overflow()));
        });
        return arrow;
    }

    /** A press that moves more than {@link #DRAG_AFTER} scrolls the rail and is no longer a tap on a button. */
    private void dragToScroll() {
        scroll.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            pressedAt = across ? event.getSceneX() : event.getSceneY();
            valueAtPress = value();
            dragging = false;
            pressedButton = buttonUnder(event);
        });
        scroll.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            double moved = (across ? event.getSceneX() : event.getSceneY()) - pressedAt;
            if (!dragging && Math.abs(moved) > DRAG_AFTER && scrolls()) {
                dragging = true;
            }
            if (dragging) {
                disarmPressed();
                setValue(valueAtPress - moved / overflow());
                event.consume();
            }
        });
        scroll.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (dragging) {
                disarmPressed(); // a button armed again on the way back must not count as tapped
            }
        });
    }

    private void disarmPressed() {
        if (pressedButton != null) {
            pressedButton.disarm();
        }
    }

    private static ButtonBase buttonUnder(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null; node = node.getParent()) {
            if (node instanceof ButtonBase button) {
                return button;
            }
        }
        return null;
    }
}
