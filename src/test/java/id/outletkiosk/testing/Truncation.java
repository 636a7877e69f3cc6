package id.outletkiosk.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * Finds the labelled controls a screen cuts off: for each visible {@link Labeled} with text, the text its
 * skin actually draws (the skin's {@code LabeledText}, a {@link Text} child) is compared with the text it
 * was given, and one that was shortened to end in "…" or "...", or squeezed to nothing (a button drawn
 * as an empty pill), is reported. Call on the FX thread once
 * the scene is laid out (e.g. through {@link FxAwait#onFx}); any screen's test can use it.
 */
public final class Truncation {
    private Truncation() {
    }

    /** One cut-off control: its id (or class), what it should say and what it shows. */
    public record Cut(String control, String text, String shown) {
        @Override
        public String toString() {
            return control + " shows \"" + shown + "\" for \"" + text + "\"";
        }
    }

    /** Every visible labelled control under {@code root} whose drawn text was cut short; empty when none. */
    public static List<Cut> find(Parent root) {
        root.applyCss();
        root.layout();
        List<Cut> cuts = new ArrayList<>();
        walk(root, cuts);
        return cuts;
    }

    private static void walk(Node node, List<Cut> cuts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, cuts);
        }
        if (node instanceof TableView<?> table) {
            check(table, cuts);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, cuts);
            }
        }
    }

    private static void check(Labeled labeled, List<Cut> cuts) {
        String text = labeled.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        String shown = drawnText(labeled);
        if (shown == null || shown.equals(text)) {
            return;
        }
        String ellipsis = labeled.getEllipsisString();
        boolean cut = shown.isEmpty() || shown.endsWith("…") || shown.endsWith("...")
                || (ellipsis != null && !ellipsis.isEmpty() && shown.endsWith(ellipsis));
        if (cut) {
            cuts.add(new Cut(name(labeled), text, shown));
        }
    }

    /** A table whose columns take more than its width: the last ones are cut off at the edge. */
    private static void check(TableView<?> table, List<Cut> cuts) {
        if (table.getWidth() <= 0) {
            return;
        }
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        if (columns > table.getWidth()) {
            cuts.add(new Cut("table " + (table.getId() == null ? "" : table.getId()),
                    "columns within " + Math.round(table.getWidth()) + " px",
                    table.getVisibleLeafColumns().stream().map(column -> column.getText() + "="
                            + Math.round(column.getWidth())).toList() + " = " + Math.round(columns) + " px"));
        }
    }

    /** The text the skin draws: its own {@link Text} child (the skin's LabeledText), not one in the graphic. */
    private static String drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text drawn && child != labeled.getGraphic()) {
                return drawn.getText();
            }
        }
        return null;
    }

    private static String name(Labeled labeled) {
        String id = labeled.getId();
        return (id == null ? labeled.getClass().getSimpleName() + labeled.getStyleClass() : "#" + id);
    }
}
