package id.outletkiosk.sync;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A kiosk process for {@link OutboxCrashTest}: places orders and sends them as fast as it can until it
 * is killed ({@code run}; it says PLACED once its first order is committed), or sends what is queued and exits
 * ({@code drain}).
 * Arguments: backend URL, store server URL, data folder, seed, mode.
 */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = CrashChildren.settings(args, Map.of());
        Random random = new Random(Long.parseLong(args[3]));
        try (OutletRuntime runtime = OutletRuntime.open(settings, Clock.systemUTC())) {
            if (runtime.catalog().allProducts().isEmpty()) {
                runtime.sync().orElseThrow().runRound();
            }
            OutboxSender sender = runtime.outboxSender();
            System.out.println("READY");
            System.out.flush();
            if (args[4].equals("drain")) {
                CrashChildren.drain(sender);
                return;
            }
            for (int n = 0; n < 10_000; n++) {
                runtime.orderDesk().place(List.of(new OrderDesk.CartLine(1 + random.nextInt(10), 1 + random.nextInt(3),
                        null)), "Tamu " + n);
                if (n == 0) { // the order is committed: the test may now count on it surviving the kill
                    System.out.println("PLACED");
                    System.out.flush();
                }
                sender.sendQueued();
            }
        }
    }
}
