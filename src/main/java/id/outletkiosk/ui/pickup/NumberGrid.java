package id.outletkiosk.ui.pickup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * One column's numbers in a grid that reflows: as many equal cells a row as the width holds (a cell as
 * wide as the widest number, the spare width shared out), row after row. When there are more numbers
 * than fit, the first ones that fit stand in their order and the last cell says "+N" for the rest:
 * a number is never cut, and none is drawn half off the screen.
 *
 * <p>The grid shows a list of numbers it follows, and keeps tiles only for the cells on screen: a pool of
 * styled labels, reused, that each layout fills with the numbers in their cells. A number past the last cell
 * is only counted, so 300 open orders cost the scene no more nodes than the screen has cells; before, each
 * number was a styled tile of its own, hidden or not, and every pulse of a burst styled, laid out and bounded
 * hundreds of them. However many changes come between two pulses, one layout draws the list as it then
 * stands, so a number is never shown twice nor skipped.
 */
public final class NumberGrid extends Pane {
    private static final double GAP = 16;
    private static final PseudoClass JUST_READY = PseudoClass.getPseudoClass("just-ready");
    private static final PseudoClass SERVED = PseudoClass.getPseudoClass("served");

    /** The tiles in the scene, in cell order; those past the last cell shown are hidden and blank. */
    private final List<Label> tiles = new ArrayList<>();
    private final Label more = new Label();
    /** Styled like a tile, never shown: it measures a number's size without a tile of its own per number. */
    private final Label measure = new Label();
    /** Each number's size at the tiles' font: measured once per text while that text is in the list. */
    private final Map<String, double[]> sizes = new HashMap<>();
    private ObservableList<PickupNumber> numbers = FXCollections.observableArrayList();
    private int shown;
    private double fit = 1;

    public NumberGrid() {
        getStyleClass().add("pickup-grid");
        more.getStyleClass().addAll("pickup-number", "pickup-more");
        more.setAlignment(Pos.CENTER);
        more.setVisible(false);
        measure.getStyleClass().add("pickup-number");
        measure.setVisible(false);
        measure.setManaged(false);
        // a new font or padding (a stylesheet applied late) makes every measured size stale
        measure.fontProperty().addListener(observable -> forgetSizes());
        measure.paddingProperty().addListener(observable -> forgetSizes());
        getChildren().addAll(more, measure);
    }

    /** Shows {@code numbers} in their order from now on, and again at every change of the list. */
    void follow(ObservableList<PickupNumber> numbers) {
        this.numbers = numbers;
        numbers.addListener((InvalidationListener) observable -> requestLayout());
        requestLayout();
    }

    /** The id of the "+N" cell, for the screen's tests. */
    void setMoreId(String id) {
        more.setId(id);
    }

    /** How many numbers the column holds, shown or counted in "+N". */
    int count() {
        return numbers.size();
    }

    /** The tile in cell {@code index}, below {@link #shown()}. */
    Label tile(int index) {
        return tiles.get(index);
    }

    /** How many numbers the last layout had room for (the rest are in "+N"). */
    int shown() {
        return shown;
    }

    /** How many tiles the grid keeps in the scene: as many as the most cells it has shown at once. */
    int tilesKept() {
        return tiles.size();
    }

    /** How many numbers' sizes the grid remembers. */
    int sizesKept() {
        return sizes.size();
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double width = getWidth() - insets.getLeft() - insets.getRight();
        double height = getHeight() - insets.getTop() - insets.getBottom();
        if (width <= 0 || height <= 0) {
            return; // not given its room yet
        }
        int count = numbers.size();
        double widest = more.prefWidth(-1);
        double tallest = more.prefHeight(-1);
        for (int i = 0; i < count; i++) {
            double[] size = sizeOf(numbers.get(i).number());
            widest = Math.max(widest, size[0]);
            tallest = Math.max(tallest, size[1]);
        }
        forgetSizesOfNumbersGone();
        // a number wider than the column (a long terminal name on a narrow screen) is shown whole, smaller
        fit = Math.min(1, width / widest);
        int columns = Math.max(1, (int) ((width + GAP) / (widest * fit + GAP)));
        int rows = Math.max(1, (int) ((height + GAP) / (tallest * fit + GAP)));
        Cells cells = new Cells(insets, columns, (width - GAP * (columns - 1)) / columns, tallest, fit);
        int room = columns * rows;
        shown = count <= room ? count : room - 1;
        while (tiles.size() < shown) {
            Label tile = new Label();
            tile.getStyleClass().add("pickup-number");
            tile.setAlignment(Pos.CENTER);
            getChildren().add(tiles.size(), tile);
            tiles.add(tile);
            tile.applyCss(); // styled before its first frame: the CSS pass of this pulse is over
        }
        for (int i = 0; i < tiles.size(); i++) {
            Label tile = tiles.get(i);
            if (i < shown) {
                show(tile, numbers.get(i));
                tile.setVisible(true);
                cells.place(tile, i);
            } else {
                tile.setVisible(false);
                tile.setText(""); // a hidden tile names no number: nothing looks it up by a number it left
            }
        }
        more.setVisible(count > room);
        if (count > room) {
            more.setText("+" + (count - shown));
            cells.place(more, shown);
        }
    }

    private static void show(Label tile, PickupNumber number) {
        // no id per number: JavaFX keeps a style cache per distinct id for as long as the scene lives
        tile.setText(number.number());
        boolean restyle = tile.getPseudoClassStates().contains(JUST_READY) != number.justReady()
                || tile.getPseudoClassStates().contains(SERVED) != number.served();
        tile.pseudoClassStateChanged(JUST_READY, number.justReady());
        tile.pseudoClassStateChanged(SERVED, number.served());
        if (restyle) {
            tile.applyCss(); // its new look in this frame, not the next: this pulse's CSS pass is over
        }
    }

    /** A number's size as a tile, from the measuring label (styled as a tile in the CSS pass before layout). */
    private double[] sizeOf(String number) {
        double[] size = sizes.get(number);
        if (size == null) {
            measure.setText(number);
            size = new double[] {measure.prefWidth(-1), measure.prefHeight(-1)};
            sizes.put(number, size);
        }
        return size;
    }

    /** Sizes are kept for the numbers in the list only: the day's numbers come and go, the map does not grow. */
    private void forgetSizesOfNumbersGone() {
        if (sizes.size() > 2 * numbers.size() + 16) {
            Map<String, double[]> kept = new HashMap<>();
            numbers.forEach(number -> kept.put(number.number(), sizes.get(number.number())));
            sizes.clear();
            sizes.putAll(kept);
        }
    }

    private void forgetSizes() {
        sizes.clear();
        requestLayout();
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
