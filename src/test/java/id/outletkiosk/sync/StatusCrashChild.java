package id.outletkiosk.sync;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.OrderLedger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A kitchen process for {@link StatusCrashTest}: learns the outlet's orders from whichever server
 * answers, then bumps random open orders through the status desk and sends as fast as it can until it
 * is killed ({@code run}), or sends what is queued and exits ({@code drain}).
 * Arguments: backend URL, store server URL, data folder, seed, mode.
 */
public final class StatusCrashChild {
    private StatusCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = CrashChildren.settings(args, Map.of(Setting.ROLE, "kitchen"));
        Random random = new Random(Long.parseLong(args[3]));
        try (OutletRuntime runtime = OutletRuntime.open(settings, Clock.systemUTC())) {
            OrderLedger ledger = runtime.ledger();
            learnOrders(ledger, runtime.feedEndpoints().central());
            learnOrders(ledger, runtime.feedEndpoints().local());
            OutboxSender sender = runtime.outboxSender();
            System.out.println("READY");
            System.out.flush();
            if (args[4].equals("drain")) {
                CrashChildren.drain(sender);
                return;
            }
            for (int n = 0; n < 10_000; n++) {
                List<Order> open = ledger.openOrders(settings.outlet());
                if (open.isEmpty()) {
                    break;
                }
                Order order = open.get(random.nextInt(open.size()));
                OrderStatus next = random.nextInt(8) == 0 ? OrderStatus.CANCELLED : order.status().next();
                runtime.statusDesk().change(order, next);
                sender.sendQueued();
            }
        }
    }

    /** What a kitchen's feed would have recorded: the server's whole list, every key it carries. */
    private static void learnOrders(OrderLedger ledger, OrderServerClient server) {
        try {
            List<Order> orders = server.ordersSince(1, 0);
            ledger.recordList(orders, server.origin().name() + "-crash-test", 0);
        } catch (BackendException away) {
            // this life the server is away: the ledger keeps what earlier lives learned
        }
    }
}
