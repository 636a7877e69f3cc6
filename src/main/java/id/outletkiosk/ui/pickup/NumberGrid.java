package id.outletkiosk.ui.pickup;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * One column's numbers in a grid that reflows: as many equal cells a row as the width holds (a cell as
 * wide as the widest number, the spare width shared out), row after row. When there are more numbers
 * than fit, the first ones that fit stand in their order and the last cell says "+N" for the rest:
 * a number is never cut, and none is drawn half off the screen. Only positions change on a layout; a
 * new number is one new tile.
 */
public final class NumberGrid extends Pane {
    private static final double GAP = 16;

    private final Label more = new Label();
    private int shown;
    private double fit = 1;

    public NumberGrid() {
        getStyleClass().add("pickup-grid");
        more.getStyleClass().addAll("pickup-number", "pickup-more");
        more.setAlignment(Pos.CENTER);
        more.setVisible(false);
        getChildren().add(more);
    }

    /** The id of the "+N" cell, for the screen's tests. */
    void setMoreId(String id) {
        more.setId(id);
    }

    int count() {
        return getChildren().size() - 1;
    }

    Label tile(int index) {
        return (Label) getChildren().get(index);
    }

    void insert(int index, Label tile) {
        getChildren().add(index, tile);
    }

    void remove(int from, int to) {
        getChildren().remove(from, to);
    }

    /** How many numbers the last layout had room for (the rest are in "+N"). */
    int shown() {
        return shown;
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double width = getWidth() - insets.getLeft() - insets.getRight();
        double height = getHeight() - insets.getTop() - insets.getBottom();
        if (width <= 0 || height <= 0) {
            return; // not given its room yet
        }
        int count = count();
        double widest = more.prefWidth(-1);
        double tallest = more.prefHeight(-1);
        for (int i = 0; i < count; i++) {
            widest = Math.max(widest, tile(i).prefWidth(-1));
            tallest = Math.max(tallest, tile(i).prefHeight(-1));
        }
        // a number wider than the column (a long terminal name on a narrow screen) is shown whole, smaller
        fit = Math.min(1, width / widest);
        int columns = Math.max(1, (int) ((width + GAP) / (widest * fit + GAP)));
        int rows = Math.max(1, (int) ((height + GAP) / (tallest * fit + GAP)));
        Cells cells = new Cells(insets, columns, (width - GAP * (columns - 1)) / columns, tallest, fit);
        int room = columns * rows;
        shown = count <= room ? count : room - 1;
        for (int i = 0; i < count; i++) {
            Node tile = tile(i);
            tile.setVisible(i < shown);
            if (i < shown) {
                cells.place(tile, i);
            }
        }
        more.setVisible(count > room);
        if (count > room) {
            more.setText("+" + (count - shown));
            cells.place(more, shown);
        }
    }

    /** How far the last layout had to shrink the numbers to show them whole: 1 when not at all. */
    double fit() {
        return fit;
    }

    /**
     * Where the cells stand: {@code columns} a row, each {@code width} wide on screen; a tile is laid out
     * {@code height} tall (and as wide as its cell at full size), then drawn at {@code scale}.
     */
    private record Cells(Insets insets, int columns, double width, double height, double scale) {
        void place(Node tile, int slot) {
            double fullWidth = width / scale;
            double left = insets.getLeft() + (slot % columns) * (width + GAP);
            double top = insets.getTop() + (slot / columns) * (height * scale + GAP);
            // a scaled tile keeps its layout size and shrinks about its centre: centre it on its cell
            tile.resizeRelocate(left + (width - fullWidth) / 2, top + (height * scale - height) / 2, fullWidth, height);
            tile.setScaleX(scale);
            tile.setScaleY(scale);
        }
    }

    // the grid takes the room its column gives it: the numbers it cannot show go into "+N", not into a taller window
    @Override
    protected double computePrefWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        return getInsets().getTop() + getInsets().getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
