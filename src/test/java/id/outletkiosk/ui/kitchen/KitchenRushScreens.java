package id.outletkiosk.ui.kitchen;

import id.outletkiosk.config.Setting;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.model.OrderEventType;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.testing.OrderWorld;
import id.outletkiosk.testing.ScreenShots;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: the driver of the README's rush screenshots. A kitchen board over a reference backend and
 * store server (as {@link KitchenBoardTest} opens it), handed 30 orders of a lunch rush in every state and
 * age (one dated five days back and one a day back by a server's skewed clock, kiosk references of up to
 * 8 characters), then a ticket picked, the sound muted and a bump held for Undo; the scene is written to a
 * PNG. Run under Xvfb, e.g.
 * <pre>
 * xvfb-run -s "-screen 0 1920x1080x24" java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     id.outletkiosk.ui.kitchen.KitchenRushScreens docs/kitchen-board-busy.png 1920 1080 [page2|offline]
 * </pre>
 * ({@code cp.txt} from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test});
 * {@code page2} shows the second page, {@code offline} cuts the network and shows three served tickets
 * in the recall panel.
 */
public final class KitchenRushScreens {
    private static final String[] NAMES = {"Sari", "Andi", "Rina", "Agus", "Wati", "Joko", "Tono", "Lina", "Yusuf",
        "Maya", "Eko", "Fitri", "Hadi", "Intan", "Dian", "Budi", "Citra", "Dewi", "Fajar", "Gita", "Hendra", "Indra",
        "Jihan", "Kiki", "Lutfi", "Mega", "Nina", "Oki", "Putri", "Rudi"};
    private static final String[] DISHES = {"Nasi Goreng Kampung", "Mie Ayam Bakso", "Ayam Penyet", "Soto Betawi",
        "Gado-Gado", "Rawon Surabaya", "Es Teh Manis", "Kopi Tubruk", "Perkedel Kentang (3 pcs)", "Lumpia Semarang",
        "Tempe Mendoan (5 pcs)", "Jus Alpukat", "Wedang Jahe", "Ayam Bakar Taliwang", "Bubur Sumsum"};
    private static final String[] NOTES = {"extra sambal", "tanpa bawang", "tidak pedas", "dibungkus", null, null,
        null};

    private KitchenRushScreens() {
    }

    public static void main(String[] args) throws Exception {
        ScreenShots.Shot shot = ScreenShots.Shot.of(args);
        Path home = Files.createTempDirectory("kitchen-rush");
        OrderWorld world = new OrderWorld(home.resolve("world"), OrderWorld.FAST);
        Map<Setting, String> flags = Map.ofEntries(Map.entry(Setting.BACKEND, world.centralProxy.http().toString()),
                Map.entry(Setting.LOCAL_HTTP, world.localHttpProxy.http().toString()),
                Map.entry(Setting.LOCAL_WS, world.localWsProxy.ws("/").toString()),
                Map.entry(Setting.DATA_DIR, home.resolve("kitchen").toString()), Map.entry(Setting.ROLE, "kitchen"),
                Map.entry(Setting.NEW_ORDER_SOUND, "on"), Map.entry(Setting.OPEN_HOURS, "always"),
                Map.entry(Setting.HEARTBEAT_INTERVAL, "300ms"), Map.entry(Setting.HEARTBEAT_TIMEOUT, "900ms"),
                Map.entry(Setting.POLL_INTERVAL, "1s"), Map.entry(Setting.CONNECT_TIMEOUT, "1s"));
        OutletRuntime runtime = OutletRuntime.open(new SettingsLoader(home).load(flags, Map.of()), Clock.systemUTC());
        runtime.startSync(); // the status bar shows a synced menu, as in a store
        Platform.startup(() -> {
            KitchenWindow window = KitchenRole.window(new RunningTerminal(runtime), Messages.english());
            Stage stage = ScreenShots.show(window.buildScene(shot.width(), shot.height()));
            // after the ledger's (empty) open orders reached the board
            ScreenShots.later(2, () -> {
                KitchenBoardViewModel board = window.board();
                rush(board).forEach(board::onOrder);
                board.pages().pickKey('C');
                board.toggleMute();
                Ticket toStart = board.tickets().stream().filter(t -> t.status() == OrderStatus.PENDING
                        && t.cancelledAt() == null).skip(2).findFirst().orElseThrow();
                board.bump(toStart); // held: the Undo button counts down
                if (shot.mode().equals("page2")) {
                    ScreenShots.later(1, () -> board.pages().nextPage()); // once the board has laid out its pages
                }
                if (shot.mode().equals("offline")) {
                    // the outlet's internet and the store server gone; three served tickets in recall
                    board.flushHeld();
                    for (int i = 0; i < 3; i++) {
                        board.tickets().stream().filter(t -> t.status() == OrderStatus.READY).findFirst()
                                .ifPresent(board::bump);
                    }
                    board.flushHeld();
                    board.toggleRecall();
                    world.centralProxy.refuse();
                    world.localWsProxy.refuse();
                    world.localHttpProxy.refuse();
                }
                ScreenShots.later(shot.mode().equals("offline") ? 8 : 2,
                        () -> ScreenShots.writeAndExit(stage.getScene(), shot.out(), window, runtime, world));
            });
        });
    }

    /** 30 orders: the oldest first, placed 40 minutes ago down to now, in every state. */
    private static List<OrderEvent> rush(KitchenBoardViewModel board) {
        Instant now = Instant.now();
        List<OrderEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant placed = switch (i) {
                case 0 -> now.minus(Duration.ofDays(5)); // a server whose clock is days off
                case 1 -> now.minus(Duration.ofHours(26));
                default -> now.minus(Duration.ofSeconds((30L - i) * 28));
            };
            OrderStatus status = i < 4 ? (i % 2 == 0 ? OrderStatus.READY : OrderStatus.PREPARING)
                    : i < 16 ? (i % 3 == 0 ? OrderStatus.READY : i % 3 == 1 ? OrderStatus.PREPARING : OrderStatus.PENDING)
                    : i % 4 == 0 ? OrderStatus.PREPARING : OrderStatus.PENDING;
            List<OrderItem> items = new ArrayList<>();
            items.add(new OrderItem(i, DISHES[i % DISHES.length], 1 + i % 3, BigDecimal.ONE, NOTES[i % NOTES.length]));
            if (i % 2 == 1) {
                items.add(new OrderItem(100 + i, DISHES[(i * 7 + 3) % DISHES.length], 1, BigDecimal.ONE, null));
            }
            if (i % 5 == 2) {
                items.add(new OrderItem(200 + i, DISHES[(i * 11 + 5) % DISHES.length], 2, BigDecimal.ONE, null));
            }
            boolean kiosk = i % 3 != 1;
            // a kiosk order is called by the kiosk's reference ("K2-0040"); central's number stays beside it
            String reference = kiosk ? Order.kioskReference("K" + (1 + i % 3), 40 + i) : null;
            Order order = order(1000L + i, kiosk ? "kiosk-" + i : null, "ORD-2026-" + String.format("%06d", 140 + i),
                    reference, status, items, placed, NAMES[i]);
            OrderEventType type = i >= 28 ? OrderEventType.NEW_ORDER : OrderEventType.ORDER_UPDATED;
            events.add(new OrderEvent(type, order, FeedMode.ONLINE));
            if (i == 9) {
                events.add(new OrderEvent(OrderEventType.ORDER_CANCELLED, order.withStatus(OrderStatus.CANCELLED),
                        FeedMode.ONLINE));
            }
        }
        return events;
    }

    /** The one place this driver builds an {@link Order}. */
    private static Order order(long centralId, String clientId, String number, String reference,
            OrderStatus status, List<OrderItem> items, Instant placed, String customer) {
        return new Order(centralId, null, clientId, number, 1, status, items, BigDecimal.TEN, placed, customer,
                reference, null);
    }
}
