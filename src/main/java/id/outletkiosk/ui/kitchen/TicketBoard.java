package id.outletkiosk.ui.kitchen;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The tickets' cards in columns, oldest first, top to bottom: each card as tall as its content, the
 * next card right under it, a new column when the next card would not fit. Only the page that
 * {@link BoardPages} shows is laid out (the pinned first column and the page's own columns); the
 * other cards are hidden, and a card is built ({@link TicketCard#fill}) only when first in view: until
 * then the measuring card gives its height. Its children are the cards, in the order of the tickets.
 */
public final class TicketBoard extends Pane {
    static final double CARD_WIDTH = 286;
    static final double GAP = 12;

    private static final Color PAGED_GROUND = Color.web("#2e2924");

    private BoardPages pages;
    private TicketCard measuring;
    /** Behind the board, the same size: where the paged columns' ground is painted (see {@link #setPagedGround}). */
    private Region pagedGround = new Region(); // none painted until the window gives the board its own
    private double pagedGroundAt = -1;
    private Runnable onArranged = () -> { };

    public TicketBoard() {
        getStyleClass().add("ticket-board");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip); // a card taller than the board is cut at its edge, not drawn over the pager
    }

    /**
     * @param measuringCard measures the cards not built yet ({@link TicketCard#onDemand}); it stands in a
     *                      scene of its own, styled by the same sheets
     */
    void setPages(BoardPages boardPages, TicketCard measuringCard) {
        this.pages = boardPages;
        this.measuring = measuringCard;
        boardPages.pageProperty().addListener(observable -> requestLayout());
    }

    /**
     * The node that paints the paged columns' ground: a sibling behind the board, laid out by the board over
     * the paged columns only. Not the board's own background: a parent with a background of its own is
     * repainted whole whenever a child is added, so each new ticket (one hidden node on a page not in view)
     * had the software renderer paint every card in view again, 30-45 ms a pulse during a burst onto a full
     * board. Not over the whole board either: when the pages appear (a burst onto an empty board fills the
     * first page), the ground's change repaints what it covers, and the pinned column does not change.
     * Set from the FXML ({@code pagedGround="$pagedGround"}).
     */
    public void setPagedGround(Region ground) {
        this.pagedGround = ground;
        pagedGroundAt = -1;
        ground.setBackground(null);
        ground.setManaged(false); // placed by this board (showPinRule), not by the parent they share
        requestLayout();
    }

    public Region getPagedGround() { // FXML sets a property only with its getter
        return pagedGround;
    }

    /** Called after each layout: the slot keys and the pager follow what is in view. */
    void setOnArranged(Runnable action) {
        this.onArranged = action;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets insets = getInsets();
        return insets.getLeft() + insets.getRight() + CARD_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets insets = getInsets();
        return insets.getTop() + insets.getBottom() + 200;
    }

    @Override
    protected void layoutChildren() {
        if (pages == null) {
            return;
        }
        var cards = getChildren();
        Insets insets = getInsets();
        double columnHeight = getHeight() - insets.getTop() - insets.getBottom();
        double width = getWidth() - insets.getLeft() - insets.getRight();
        int columns = Math.max(1, (int) ((width + GAP) / (CARD_WIDTH + GAP)));
        double[] heights = new double[cards.size()];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = snapSizeY(((TicketCard) cards.get(i)).heightFor(CARD_WIDTH, measuring));
        }
        pages.arrange(columns, BoardPages.columnSizes(heights, columnHeight, GAP));
        double[] y = new double[columns];
        for (int i = 0; i < cards.size(); i++) {
            Node card = cards.get(i);
            int column = pages.columnOf(i);
            boolean shown = column >= 0 && column < columns;
            card.setVisible(shown);
            if (shown) {
                ((TicketCard) card).fill();
                double x = insets.getLeft() + column * (CARD_WIDTH + GAP);
                card.resizeRelocate(snapPositionX(x), snapPositionY(insets.getTop() + y[column]), CARD_WIDTH,
                        heights[i]);
                y[column] += heights[i] + GAP;
            }
        }
        showPinRule(columns);
        onArranged.run();
    }

    /**
     * While there are pages, the paged columns stand on a lighter ground than the first column: the
     * first column's tickets stay whatever the page.
     */
    private void showPinRule(int columns) {
        double at = pages.pageCountProperty().get() > 1 && columns > 1
                ? snapPositionX(getInsets().getLeft() + CARD_WIDTH + GAP / 2) : -1;
        if (at >= 0) {
            // the ground's parent is the board's: the board's own position there, then the paged columns' area
            double top = getInsets().getTop() / 2;
            double bottom = getInsets().getBottom() / 2;
            pagedGround.resizeRelocate(getLayoutX() + at, getLayoutY() + top, Math.max(0, getWidth() - at),
                    Math.max(0, getHeight() - top - bottom));
        }
        if (at != pagedGroundAt) {
            pagedGroundAt = at;
            pagedGround.setBackground(at < 0 ? null
                    : new Background(new BackgroundFill(PAGED_GROUND, new CornerRadii(8), Insets.EMPTY)));
        }
    }
}
