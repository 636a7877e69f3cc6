package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/**
 * Paging and the bump bar's keys without a screen: columns as full as the cards allow, the oldest column
 * on every page, letters for the tickets in view, every ticket reachable by keys, "+N more".
 */
class BoardPagesTest {
    private static final Instant NOON = Instant.parse("2026-11-30T05:00:00Z");
    private final ObservableList<Ticket> tickets = FXCollections.observableArrayList();
    private final BoardPages pages = new BoardPages(tickets);

    @Test
    void columnsTakeCardsWhileTheyFit_oneAtLeast() {
        assertThat(BoardPages.columnSizes(new double[] {200, 300, 400, 900, 1200, 100}, 950, 12))
                .containsExactly(3, 1, 1, 1);
        assertThat(BoardPages.columnSizes(new double[0], 950, 12)).isEmpty();
    }

    @Test
    void thirtyTicketsOnALandscapeBoard_theOldestColumnOnEveryPage_everyTicketReachableByKeys() {
        addTickets(30);
        // 1920x1080 beside the side panel: five columns of four cards
        pages.arrange(5, BoardPages.columnSizes(heights(30, 220), 950, 12));
        assertThat(pages.pinnedCount()).isEqualTo(4);
        assertThat(pages.pageCountProperty().get()).isEqualTo(2);
        assertThat(pages.inView()).hasSize(20).startsWith(0, 1, 2, 3);
        assertThat(pages.later()).isEqualTo(10);
        assertThat(pages.earlier()).isZero();
        assertThat(pages.slotKey(0)).isEqualTo("A");
        assertThat(pages.slotKey(19)).isEqualTo("Z");
        assertThat(pages.slotKey(20)).isNull();

        Set<Integer> reached = new HashSet<>();
        // page by page, each letter in view
        for (int page = 0; page < pages.pageCountProperty().get(); page++) {
            for (char key : BoardPages.SLOT_KEYS.toCharArray()) {
                assertThat(pages.pickKey(key)).isTrue();
                if (pages.selectedProperty().get() >= 0) {
                    reached.add(pages.selectedProperty().get());
                }
            }
            assertThat(pages.inView()).as("the oldest stay in view").startsWith(0, 1, 2, 3);
            pages.nextPage();
        }
        assertThat(reached).hasSize(30);
        assertThat(pages.pageProperty().get()).isEqualTo(1);
        assertThat(pages.earlier()).isEqualTo(16);
        assertThat(pages.later()).isZero();

        // the arrows alone walk every ticket, turning the page on the way
        pages.previousPage();
        pages.clearPick();
        List<Integer> walked = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pages.pickNext();
            walked.add(pages.selectedProperty().get());
            assertThat(pages.isInView(pages.selectedProperty().get())).isTrue();
        }
        assertThat(walked).isEqualTo(range(30));
        assertThat(pages.pageProperty().get()).isEqualTo(1);
        pages.pickNext(); // past the youngest: stays
        assertThat(pages.selectedProperty().get()).isEqualTo(29);
        for (int i = 0; i < 29; i++) {
            pages.pickPrevious();
        }
        assertThat(pages.selectedProperty().get()).isZero();
        assertThat(pages.pageProperty().get()).as("back on the first page with the pick").isZero();
    }

    @Test
    void slotKeysAreNeitherDigitsNorTheBoardsOwnKeys() {
        assertThat(BoardPages.SLOT_KEYS.chars()).noneMatch(Character::isDigit);
        assertThat(BoardPages.SLOT_KEYS).doesNotContain("R", "M", "U", "K", "I", "O");
        assertThat(pages.pickKey('5')).isFalse();
        assertThat(pages.pickKey('m')).isFalse();
    }

    @Test
    void aNewTicketOnAPageNotShownIsSaid_andThePickFollowsItsTicket() {
        addTickets(12);
        pages.arrange(3, BoardPages.columnSizes(heights(12, 300), 950, 12)); // three cards a column
        assertThat(pages.pageCountProperty().get()).isEqualTo(2);
        assertThat(pages.freshOutOfView()).isFalse();
        tickets.add(ticket(13, true));
        assertThat(pages.freshOutOfView()).isTrue();
        assertThat(pages.later()).isEqualTo(4);

        pages.pick(10);
        assertThat(pages.pageProperty().get()).isEqualTo(1);
        tickets.remove(0); // the oldest was served: the pick follows its ticket
        assertThat(pages.selectedProperty().get()).isEqualTo(9);
        tickets.remove(9);
        assertThat(pages.selectedProperty().get()).isEqualTo(-1);
    }

    @Test
    void aNarrowBoardWithOneColumnPagesItWithoutPinning() {
        addTickets(6);
        pages.arrange(1, BoardPages.columnSizes(heights(6, 300), 950, 12));
        assertThat(pages.pinnedCount()).isZero();
        assertThat(pages.pageCountProperty().get()).isEqualTo(2);
        assertThat(pages.inView()).containsExactly(0, 1, 2);
        pages.nextPage();
        assertThat(pages.inView()).containsExactly(3, 4, 5);
        assertThat(pages.columnOf(4)).isZero();
        pages.nextPage();
        assertThat(pages.pageProperty().get()).isEqualTo(1);
    }

    private void addTickets(int count) {
        for (int n = 1; n <= count; n++) {
            tickets.add(ticket(n, false));
        }
    }

    private static Ticket ticket(long n, boolean fresh) {
        return new Ticket(order(n), NOON, fresh, false, null);
    }

    /** The one place this test builds an {@link Order}. */
    private static Order order(long n) {
        return new Order(n, null, "client-" + n, "ORD-2026-" + n, 1, OrderStatus.PENDING,
                List.of(new OrderItem(1, "Nasi Goreng", 1, BigDecimal.ONE, null)), BigDecimal.ONE,
                NOON.plusSeconds(n), "Tamu " + n, null, null);
    }

    private static double[] heights(int count, double each) {
        double[] heights = new double[count];
        java.util.Arrays.fill(heights, each);
        return heights;
    }

    private static List<Integer> range(int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return all;
    }
}
