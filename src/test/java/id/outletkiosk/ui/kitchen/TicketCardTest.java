package id.outletkiosk.ui.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.testing.Truncation;
import id.outletkiosk.ui.Messages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A ticket's header on a real (headless) screen: an order number of 8 characters and ages of 0 min,
 * 99 min, 26 h and 5 days (and one dated ahead of the screen's clock) in the board's narrow card, in every
 * state, picked and not: no label is cut ("…"), what is drawn is the whole text, and the number stays
 * inside its card.
 */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class TicketCardTest {
    private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @Test
    void theHeaderIsNeverCutOff_anEightCharacterNumberAndAgesUpToDays() throws TimeoutException {
        List<Duration> ages = List.of(Duration.ZERO, Duration.ofMinutes(99), Duration.ofHours(26), Duration.ofDays(5),
                Duration.ofMinutes(-7), Duration.ofHours(47), Duration.ofDays(400));
        List<TicketCard> cards = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            FlowPane narrow = new FlowPane(12, 12);
            narrow.setPrefWrapLength(TicketBoard.CARD_WIDTH * 3 + 24);
            int n = 0;
            for (String number : List.of("K2000007", "88888888", "K12-0042", "KM888888")) {
                for (Duration age : ages) {
                    // every state, cancelled ones too (the longest words), in both languages
                    OrderStatus status = OrderStatus.values()[n % 3];
                    Ticket ticket = new Ticket(order(n + 1, number, status, NOW.minus(age)), NOW, n % 4 == 0, false,
                            n % 4 == 3 ? NOW : null);
                    Messages messages = n % 2 == 0 ? Messages.english() : Messages.indonesian();
                    TicketCard card = new TicketCard(messages, bumped -> { });
                    card.show(ticket, NOW, n % 2 == 0 ? Ticket.Age.LATE : Ticket.Age.WARNING);
                    card.showSlot(String.valueOf(BoardPages.SLOT_KEYS.charAt(n % BoardPages.SLOT_KEYS.length())),
                            n % 3 == 0);
                    cards.add(card);
                    narrow.getChildren().add(card);
                    n++;
                }
            }
            Scene scene = new Scene(narrow, TicketBoard.CARD_WIDTH * 3 + 24, 1950);
            scene.getStylesheets().add(Messages.class.getResource("app.css").toExternalForm());
            scene.getStylesheets().add(KitchenWindow.class.getResource("kitchen.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<String> headers = new ArrayList<>();
        for (TicketCard card : cards) {
            assertThat(Truncation.find(card)).as("cut on a card").isEmpty();
            Node number = card.lookup(".ticket-number");
            Node age = card.lookup(".ticket-age");
            assertThat(within(card, number)).as(((Labeled) number).getText() + " inside its card").isTrue();
            assertThat(!shown(age, card) || within(card, age)).as(((Labeled) age).getText() + " inside its card")
                    .isTrue();
            assertThat(within(card, card.lookup(".ticket-status"))).isTrue();
            headers.add(((Labeled) number).getText() + " " + ((Labeled) age).getText());
        }
        assertThat(headers).contains("#K2000007 0 min", "#K2000007 99 mnt", "#K2000007 26 h", "#K2000007 5 hr",
                "#K2000007 0 min", "#88888888 99+ hr", "#88888888 47 h");
        assertThat(headers).noneMatch(header -> header.contains("-7") || header.contains(","));
        // the customer's number is the big one; central's stays, small, beside the source
        assertThat(headers).contains("#K12-0042 0 min");
        assertThat(cards).map(card -> ((Labeled) card.lookup(".ticket-source")).getText())
                .contains("KIOSK · #142", "KIOS · #142");
    }

    /** Shown on the card: it and every parent up to the card visible (a cancelled card hides its button row). */
    private static boolean shown(Node node, Node card) {
        for (Node at = node; at != card; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean within(Node card, Node part) {
        Bounds outer = card.localToScene(card.getLayoutBounds());
        Bounds inner = part.localToScene(part.getLayoutBounds());
        return outer.contains(inner);
    }

    /** The one place this test builds an {@link Order}: a kiosk's reference comes with central's number beside it. */
    private static Order order(long n, String number, OrderStatus status, Instant placed) {
        boolean kiosk = Order.isKioskReference(number);
        return new Order(n, null, "kiosk-" + n, kiosk ? "ORD-2026-000142" : number, 1, status,
                List.of(new OrderItem(1, "Nasi Goreng Kampung Spesial", 2, BigDecimal.ONE, "tanpa bawang, extra sambal"),
                        new OrderItem(2, "Es Teh Manis", 1, BigDecimal.ONE, null)),
                BigDecimal.TEN, placed, "Bu Kartika Sari Dewi Lestari", kiosk ? number : null, null);
    }
}
