package id.outletkiosk.ui.manager;

import id.outletkiosk.ui.HealthTexts;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps (its row grows past 48 px) instead of ending in "…": head office's
 * reasons and the errors of the sync history are read whole or not at all.
 */
final class WrappingCell<T> extends TableCell<T, String> {
    private final Text text = new Text();

    WrappingCell() {
        text.getStyleClass().add("wrapped-cell-text");
        text.wrappingWidthProperty().bind(widthProperty().subtract(16));
        setGraphic(text);
    }

    /**
     * A read-only text column of the panel's tables whose cells wrap: {@code prefWidth} on a wide screen,
     * never narrower than {@code minWidth} (the longest word of its header and its texts, in the demo's
     * 820 px window the columns share what is left).
     */
    static <T> TableColumn<T, String> column(String title, Function<T, String> text, double prefWidth, double minWidth) {
        TableColumn<T, String> column = HealthTexts.column(title, text, prefWidth);
        column.setMinWidth(Math.max(minWidth, titleWidth(title)));
        column.setCellFactory(cells -> new WrappingCell<>());
        return column;
    }

    /**
     * Shares the table's width among its columns, each down to its floor, and again whenever the width
     * changes: the constrained policy alone left a table that narrowed while its tab was hidden (the
     * window leaving kiosk mode) with its old column widths, wider than the card.
     */
    static void fitColumns(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.widthProperty().addListener((observable, before, now) -> Platform.runLater(() ->
                table.getColumnResizePolicy().call(new TableView.ResizeFeatures(table, null, 0.0))));
    }

    /**
     * What a column's title needs on one line (manager.css sets titles in 18 px bold): a title cannot wrap,
     * the header keeps one line, so the column is never narrower than this, in either language.
     */
    static double titleWidth(String title) {
        Text measure = new Text(title);
        measure.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 18));
        return Math.ceil(measure.getLayoutBounds().getWidth()) + 24; // the header's padding and its border
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
    }
}
