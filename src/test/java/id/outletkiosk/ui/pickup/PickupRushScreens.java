package id.outletkiosk.ui.pickup;

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
import id.outletkiosk.ui.app.PickupRole;
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
 * Not a test: the driver of the README's pickup screenshots. A pickup screen over a reference backend
 * and store server (as {@link PickupScreenTest} opens it) at a busy moment of lunch: eight numbers being
 * prepared, four ready a while, one just ready (highlighted) and one just collected (dimmed); then the
 * scene is written to a PNG. Run under Xvfb, e.g.
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1920x24" java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     id.outletkiosk.ui.pickup.PickupRushScreens docs/pickup-landscape.png 1920 1080 [late|offline]
 * </pre>
 * ({@code cp.txt} from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test});
 * {@code late} cuts head office (the screen goes on over the store server, and says numbers may come
 * late), {@code offline} cuts every server.
 */
public final class PickupRushScreens {
    private PickupRushScreens() {
    }

    public static void main(String[] args) throws Exception {
        ScreenShots.Shot shot = ScreenShots.Shot.of(args);
        Path home = Files.createTempDirectory("pickup-rush");
        OrderWorld world = new OrderWorld(home.resolve("world"), OrderWorld.FAST);
        Map<Setting, String> flags = world.terminalSettings(home.resolve("pickup"), "pickup");
        flags.putAll(Map.of(Setting.NEW_ORDER_SOUND, "off", Setting.HEARTBEAT_INTERVAL, "300ms",
                Setting.HEARTBEAT_TIMEOUT, "900ms", Setting.POLL_INTERVAL, "1s", Setting.CONNECT_TIMEOUT, "1s"));
        OutletRuntime runtime = OutletRuntime.open(new SettingsLoader(home).load(flags, Map.of()), Clock.systemUTC());
        runtime.startSync(); // a synced menu, as in a store
        Platform.startup(() -> {
            PickupWindow window = PickupRole.window(new RunningTerminal(runtime), Messages.indonesian());
            Stage stage = ScreenShots.show(window.buildScene(shot.width(), shot.height()));
            // after the ledger's (empty) open orders reached the screen
            ScreenShots.later(2, () -> {
                PickupBoardViewModel board = window.board();
                board.load(lunch());
                board.onOrder(news(order(13, OrderStatus.READY, 9)));
                board.onOrder(news(order(5, OrderStatus.COMPLETED, 24)));
                if (!shot.mode().isEmpty()) {
                    world.centralProxy.refuse();
                }
                if (shot.mode().equals("offline")) {
                    world.localWsProxy.refuse();
                    world.localHttpProxy.refuse();
                }
                ScreenShots.later(shot.mode().isEmpty() ? 2 : 8,
                        () -> ScreenShots.writeAndExit(stage.getScene(), shot.out(), window, runtime, world));
            });
        });
    }

    /** What the screen finds open: four orders ready a while, eight being prepared, the oldest first. */
    private static List<Order> lunch() {
        List<Order> open = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            if (i != 13) {
                open.add(order(i, i <= 5 ? OrderStatus.READY : i % 3 == 0 ? OrderStatus.PENDING
                        : OrderStatus.PREPARING, 30 - 2 * i));
            }
        }
        return open;
    }

    /**
     * The {@code n}-th order of the rush, placed {@code minutesAgo}: most from the kiosks (called by their
     * reference, "K2-0046"), every third at the counter (called by central's number, "152").
     */
    private static Order order(int n, OrderStatus status, int minutesAgo) {
        boolean kiosk = n % 3 != 0;
        String reference = kiosk ? Order.kioskReference("K" + (1 + n % 2), 40 + n) : null;
        return new Order(1000L + n, null, kiosk ? "kiosk-" + n : null, "ORD-2026-" + String.format("%06d", 140 + n),
                1, status, List.of(new OrderItem(n, "Nasi Goreng", 1, BigDecimal.TEN, null)), BigDecimal.TEN,
                Instant.now().minus(Duration.ofMinutes(minutesAgo)), "Tamu", reference, null);
    }

    private static OrderEvent news(Order order) {
        return new OrderEvent(OrderEventType.forStatusChange(order.status()), order, FeedMode.ONLINE);
    }
}
