package id.outletkiosk.sync;

import id.outletkiosk.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A kiosk process for {@link OutboxCrashTest}: places orders and sends them as fast as it can until it
 * is killed ({@code run}), or sends what is queued and exits ({@code drain}).
 * Arguments: backend URL, local server URL, data folder, seed, mode.
 */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[2]);
        Settings settings = new SettingsLoader(dataDir).load(Map.of(Setting.BACKEND, args[0], Setting.LOCAL_HTTP,
                args[1], Setting.DATA_DIR, dataDir.toString(), Setting.HEARTBEAT_TIMEOUT, "1s",
                Setting.HEARTBEAT_INTERVAL, "500ms"), Map.of());
        Random random = new Random(Long.parseLong(args[3]));
        try (OutletRuntime runtime = OutletRuntime.open(settings, Clock.systemUTC())) {
            if (runtime.catalog().allProducts().isEmpty()) {
                runtime.sync().runRound();
            }
            OutboxSender sender = runtime.outboxSender();
            System.out.println("READY");
            System.out.flush();
            if (args[4].equals("drain")) {
                for (int pass = 0; pass < 600; pass++) {
                    if (sender.sendQueued().allDelivered()) {
                        System.out.println("DRAINED");
                        System.out.flush();
                        return;
                    }
                    Thread.onSpinWait();
                }
                System.exit(3);
            }
            for (int n = 0; n < 10_000; n++) {
                runtime.orderDesk().place(List.of(new OrderDesk.CartLine(1 + random.nextInt(10), 1 + random.nextInt(3),
                        null)), "Tamu " + n);
                sender.sendQueued();
            }
        }
    }
}
