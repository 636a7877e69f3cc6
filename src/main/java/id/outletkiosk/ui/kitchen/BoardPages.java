package id.outletkiosk.ui.kitchen;

import id.outletkiosk.model.Order;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Which tickets the board shows, and how the bump bar reaches every one of them. Tested without a screen.
 * <p>
 * <b>Columns, pinned and paged.</b> Tickets stand oldest first in columns, top to bottom, each column as
 * full as its cards allow (a short card leaves no row-height gap under it). The view measures the cards
 * and hands the column sizes here ({@link #arrange}). The first column is pinned: every page shows it, so
 * the oldest tickets (the red ones) are always in view. The other columns are paged: PgDn / PgUp or the
 * "+N more" button, and a pick that moves onto a ticket of another page turns to that page.
 * <p>
 * <b>Slot keys are letters.</b> Each ticket in view carries a letter ({@value #SLOT_KEYS}, in order) that
 * picks it: a digit beside "#5" would invite the wrong key. The letters left out are the board's own
 * keys (M sound, R recall, U undo), K (the kiosks' order numbers start with it) and I and O (they read as
 * 1 and 0). The arrow keys move the pick through all tickets, page by page, so a ticket without a letter
 * (more in view than letters) is reached too. The pick follows its ticket when older ones leave.
 */
public final class BoardPages {
    /** The slot keys, in the order of the tickets in view. */
    public static final String SLOT_KEYS = "ABCDEFGHJLNPQSTVWXYZ";

    private final ObservableList<Ticket> tickets;
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final IntegerProperty pageCount = new SimpleIntegerProperty(1);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    /** Columns side by side on the screen; 0 until the view arranged the board (then all tickets are in view). */
    private int columnsOnScreen;
    /** How many tickets each column holds, oldest column first. */
    private List<Integer> columnSizes = List.of();
    private Order picked;

    BoardPages(ObservableList<Ticket> tickets) {
        this.tickets = tickets;
        tickets.addListener((ListChangeListener<Ticket>) change -> {
            followPick();
            clampPage();
        });
    }

    /**
     * How tickets of these heights fill columns of this height: each column takes tickets while they fit
     * (one at least, however tall), the next ticket starts the next column.
     */
    public static List<Integer> columnSizes(double[] heights, double columnHeight, double gap) {
        List<Integer> sizes = new ArrayList<>();
        int inColumn = 0;
        double used = 0;
        for (double height : heights) {
            double needed = inColumn == 0 ? height : used + gap + height;
            if (inColumn > 0 && needed > columnHeight) {
                sizes.add(inColumn);
                inColumn = 0;
                needed = height;
            }
            used = needed;
            inColumn++;
        }
        if (inColumn > 0) {
            sizes.add(inColumn);
        }
        return sizes;
    }

    /** What the view measured: {@code columns} side by side, and the tickets each column holds, in order. */
    public void arrange(int columns, List<Integer> sizes) {
        if (columns == columnsOnScreen && sizes.equals(columnSizes)) {
            return;
        }
        columnsOnScreen = Math.max(1, columns);
        columnSizes = List.copyOf(sizes);
        clampPage();
    }

    /** The page shown, 0 first. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount;
    }

    /** The picked ticket's index in the board's tickets, -1 for none. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected;
    }

    /** The oldest tickets, shown on every page: the first column (none with a single column). */
    public int pinnedCount() {
        return columnsOnScreen > 1 && !columnSizes.isEmpty() ? Math.min(columnSizes.get(0), tickets.size()) : 0;
    }

    /** Tickets in view on the page shown, oldest first: the pinned ones, then the page's own. */
    public List<Integer> inView() {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < pinnedCount(); i++) {
            shown.add(i);
        }
        int[] range = range(page.get());
        for (int i = range[0]; i < range[1]; i++) {
            shown.add(i);
        }
        return shown;
    }

    public boolean isInView(int index) {
        int[] range = range(page.get());
        return index >= 0 && (index < pinnedCount() || (index >= range[0] && index < range[1]));
    }

    /**
     * The screen column of a ticket in view (0 the pinned one), -1 for a ticket not in view; until the
     * view arranged the board, 0 for every ticket.
     */
    public int columnOf(int index) {
        if (!isInView(index)) {
            return -1;
        }
        if (columnsOnScreen == 0) {
            return 0;
        }
        int column = columnIndexOf(index);
        return index < pinnedCount() ? 0 : column - firstColumn(page.get()) + (pinned() ? 1 : 0);
    }

    /** The slot key of a ticket in view ("A"), null when it is not in view or there are more in view than keys. */
    public String slotKey(int index) {
        int at = inView().indexOf(index);
        return at >= 0 && at < SLOT_KEYS.length() ? String.valueOf(SLOT_KEYS.charAt(at)) : null;
    }

    /** Tickets on the pages before the one shown (not counting the pinned ones). */
    public int earlier() {
        return range(page.get())[0] - pinnedCount();
    }

    /** Tickets on the pages after the one shown: the "+N more". */
    public int later() {
        return tickets.size() - range(page.get())[1];
    }

    /** A new ticket glows on a page not shown: the "+N more" glows for it. */
    public boolean freshOutOfView() {
        for (int i = 0; i < tickets.size(); i++) {
            if (tickets.get(i).fresh() && !isInView(i)) {
                return true;
            }
        }
        return false;
    }

    /** A slot key: picks the ticket in view that carries it; false for a key that is no slot key. */
    public boolean pickKey(char key) {
        int slot = SLOT_KEYS.indexOf(Character.toUpperCase(key));
        if (slot < 0) {
            return false;
        }
        List<Integer> shown = inView();
        if (slot < shown.size()) {
            pick(shown.get(slot));
        }
        return true;
    }

    /** Right or Down: the next younger ticket (from none, the first in view), turning the page when needed. */
    public void pickNext() {
        int from = selected.get();
        if (from < 0) {
            List<Integer> shown = inView();
            if (!shown.isEmpty()) {
                pick(page.get() > 0 && shown.size() > pinnedCount() ? shown.get(pinnedCount()) : shown.get(0));
            }
        } else if (from + 1 < tickets.size()) {
            pick(from + 1);
        }
    }

    /** Left or Up: the next older ticket (from none, the last in view). */
    public void pickPrevious() {
        int from = selected.get();
        if (from < 0) {
            List<Integer> shown = inView();
            if (!shown.isEmpty()) {
                pick(shown.get(shown.size() - 1));
            }
        } else if (from > 0) {
            pick(from - 1);
        }
    }

    /** Picks the ticket at {@code index} in the board's tickets (-1 or out of range: none), and shows its page. */
    public void pick(int index) {
        picked = index >= 0 && index < tickets.size() ? tickets.get(index).order() : null;
        followPick();
        if (picked != null && !isInView(index)) {
            page.set(pageOf(index));
        }
    }

    public void clearPick() {
        pick(-1);
    }

    public void nextPage() {
        if (page.get() + 1 < pageCount.get()) {
            page.set(page.get() + 1);
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
        }
    }

    /** The page a ticket stands on (a pinned one: the page shown). */
    public int pageOf(int index) {
        if (index < pinnedCount() || columnsOnScreen == 0) {
            return page.get();
        }
        int column = columnIndexOf(index) - (pinned() ? 1 : 0);
        return Math.min(pageCount.get() - 1, Math.max(0, column / perPage()));
    }

    private void followPick() {
        int index = -1;
        for (int i = 0; picked != null && i < tickets.size(); i++) {
            if (tickets.get(i).isFor(picked)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            picked = null;
        }
        selected.set(index);
    }

    private void clampPage() {
        int paged = columnSizes.size() - (pinned() ? 1 : 0);
        int count = columnsOnScreen == 0 ? 1 : Math.max(1, (paged + perPage() - 1) / perPage());
        pageCount.set(count);
        if (page.get() >= count) {
            page.set(count - 1);
        }
    }

    private boolean pinned() {
        return columnsOnScreen > 1 && !columnSizes.isEmpty();
    }

    /** Paged columns per page: all but the pinned one. */
    private int perPage() {
        return columnsOnScreen > 1 ? columnsOnScreen - 1 : 1;
    }

    /** The first column (index in {@link #columnSizes}) of a page's own part. */
    private int firstColumn(int pageIndex) {
        return (pinned() ? 1 : 0) + pageIndex * perPage();
    }

    /** The tickets of a page's own part, [from, to); the last page takes any ticket not yet measured. */
    private int[] range(int pageIndex) {
        if (columnsOnScreen == 0) {
            return new int[] {0, tickets.size()};
        }
        int first = firstColumn(pageIndex);
        int from = 0;
        for (int c = 0; c < first && c < columnSizes.size(); c++) {
            from += columnSizes.get(c);
        }
        int to = from;
        for (int c = first; c < first + perPage() && c < columnSizes.size(); c++) {
            to += columnSizes.get(c);
        }
        if (pageIndex >= pageCount.get() - 1) {
            to = tickets.size();
        }
        return new int[] {Math.min(from, tickets.size()), Math.min(to, tickets.size())};
    }

    /** The measured column a ticket stands in (tickets past the measured ones: the last column). */
    private int columnIndexOf(int index) {
        int end = 0;
        for (int c = 0; c < columnSizes.size(); c++) {
            end += columnSizes.get(c);
            if (index < end) {
                return c;
            }
        }
        return Math.max(0, columnSizes.size() - 1);
    }
}
