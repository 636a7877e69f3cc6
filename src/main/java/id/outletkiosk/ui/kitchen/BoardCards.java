package id.outletkiosk.ui.kitchen;

import id.outletkiosk.ui.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;

/**
 * The board's cards kept in step with the tickets: one card per ticket, in the tickets' order, only the
 * changed ones touched; their slot keys and the pick for the page shown; their ages once a second. The
 * numbering, the pager and the side panel follow once per turn of the FX thread, not once per order.
 */
final class BoardCards {
    private final KitchenBoardViewModel board;
    private final TicketBoard boardPane;
    private final Messages messages;
    private final Clock clock;
    private final BoardPager pager;
    /** Asks the side panel to follow the tickets (it paces itself). */
    private final Runnable sideChanged;
    private boolean refreshQueued;
    private boolean sideStale;

    BoardCards(KitchenBoardViewModel board, TicketBoard boardPane, Messages messages, Clock clock, BoardPager pager,
            Runnable sideChanged) {
        this.board = board;
        this.boardPane = boardPane;
        this.messages = messages;
        this.clock = clock;
        this.pager = pager;
        this.sideChanged = sideChanged;
    }

    /** Keeps the board's cards in the order of the tickets, touching only the cards that changed. */
    void mirror(ListChangeListener.Change<? extends Ticket> change) {
        var cards = boardPane.getChildren();
        Instant now = clock.instant();
        while (change.next()) {
            // a ticket replaced by another (a change of the same order) is shown on its card; setAll (the
            // ledger's orders arriving after the feed's first) replaces a whole list of another size
            if (change.wasUpdated()
                    || (change.wasReplaced() && change.getRemovedSize() == change.getAddedSize())) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    Ticket ticket = board.tickets().get(i);
                    ((TicketCard) cards.get(i)).show(ticket, now, board.ageOf(ticket, now));
                }
                continue;
            }
            if (change.wasRemoved()) {
                cards.remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
            }
            if (change.wasAdded()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    TicketCard card = TicketCard.onDemand(messages, board::bump, board.lens(), board::tapDish);
                    Ticket ticket = board.tickets().get(i);
                    card.show(ticket, now, board.ageOf(ticket, now));
                    cards.add(i, card);
                }
            }
        }
        refreshLater(false);
    }

    /**
     * Numbers, the open count and the side panel once per turn of the FX thread, not once per order:
     * a burst of 100 orders would otherwise renumber 400 cards and rebuild the panel 100 times.
     *
     * @param side whether the side panel's content changed too
     */
    void refreshLater(boolean side) {
        sideStale |= side;
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                renumber();
                if (sideStale) {
                    sideStale = false;
                    sideChanged.run();
                }
            });
        }
    }

    /** Slot keys, the pick and the pager, for the page shown. */
    void renumber() {
        var cards = boardPane.getChildren();
        BoardPages pages = board.pages();
        int selected = pages.selectedProperty().get();
        List<Integer> inView = pages.inView();
        String[] keys = new String[cards.size()];
        for (int at = 0; at < inView.size() && at < BoardPages.SLOT_KEYS.length(); at++) {
            if (inView.get(at) < keys.length) {
                keys[inView.get(at)] = String.valueOf(BoardPages.SLOT_KEYS.charAt(at));
            }
        }
        for (int i = 0; i < cards.size(); i++) {
            ((TicketCard) cards.get(i)).showSlot(keys[i], i == selected);
        }
        pager.showPages();
    }

    /** Each card's age (its colour and its minutes), as of {@code now}. */
    void showAges(Instant now) {
        for (Node card : boardPane.getChildren()) {
            TicketCard ticketCard = (TicketCard) card;
            ticketCard.showAge(now, board.ageOf(ticketCard.ticket(), now));
        }
    }
}
