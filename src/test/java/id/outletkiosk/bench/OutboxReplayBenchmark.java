package id.outletkiosk.bench;

import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.OrderItem;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.sync.OutboxSender;
import id.outletkiosk.testing.KioskTerminal;
import id.outletkiosk.testing.OrderWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Replay of 1,000 orders queued while the backend was away, once it is back: from the moment the link
 * heals to the last order recorded as sent. Baseline: the same 1,000 orders posted directly, one after
 * another, by the same HTTP client, with no outbox.
 *
 * <p>Run: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench=OutboxReplayBenchmark}
 */
public final class OutboxReplayBenchmark {
    private static final int ORDERS = 1_000;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("bench-outbox");
        try (OrderWorld world = new OrderWorld(work.resolve("world"), OrderWorld.FAST);
                KioskTerminal kiosk = new KioskTerminal(world, work.resolve("kiosk"))) {
            OrderServerClient direct = OrderServerClient.central(world.client("backend", Setting.TOKEN,
                    world.backend.baseUri().toString()), Clock.systemUTC().getZone());
            for (int i = 0; i < 200; i++) { // warm-up of the HTTP path and the backend
                direct.place(order(i), Instant.now());
            }
            long start = System.nanoTime();
            for (int i = 0; i < ORDERS; i++) {
                direct.place(order(i), Instant.now());
            }
            double baselineMs = (System.nanoTime() - start) / 1e6;

            world.centralProxy.refuse();
            for (int i = 0; i < ORDERS; i++) {
                kiosk.order(1 + i % 10, 1);
            }
            while (!kiosk.outbox.queued().stream().allMatch(OutboxEntry::localCopy)) {
                kiosk.sender.sendQueued(); // the kitchen has them all through the store server
            }
            world.centralProxy.pass();
            start = System.nanoTime();
            OutboxSender.PassResult pass;
            do {
                pass = kiosk.sender.sendQueued();
            } while (!pass.allDelivered());
            double replayMs = (System.nanoTime() - start) / 1e6;
            int queued = kiosk.outbox.status().queued();

            // issue 14: every kiosk order goes to the store server first (the number the customer holds), so
            // an order that never passed there costs one more post on the store's LAN before central's
            world.centralProxy.refuse();
            world.localHttpProxy.refuse();
            for (int i = 0; i < ORDERS; i++) {
                kiosk.order(1 + i % 10, 1);
            }
            world.localHttpProxy.pass();
            world.centralProxy.pass();
            start = System.nanoTime();
            do {
                pass = kiosk.sender.sendQueued();
            } while (!pass.allDelivered());
            double copyFirstMs = (System.nanoTime() - start) / 1e6;
            queued += kiosk.outbox.status().queued();
            long copied = copiedAfter(kiosk);
            // the store server's limit (50 requests a second per address) turns most of a burst's copies away:
            // later passes copy what it missed, with central's id
            long copiesStart = System.nanoTime();
            while (copiedAfter(kiosk) < ORDERS && System.nanoTime() - copiesStart < 120_000_000_000L) {
                kiosk.sender.sendQueued();
            }
            double allCopiedMs = (System.nanoTime() - copiesStart) / 1e6 + copyFirstMs;

            System.out.printf("# outbox replay of %d orders after the backend returns (loopback)%n%n", ORDERS);
            BenchTable table = new BenchTable("case", "total ms", "orders/s", "ratio to baseline");
            table.row("baseline: the same orders posted directly, no outbox", BenchTable.ms(baselineMs),
                    String.format("%.0f", ORDERS / (baselineMs / 1000)), "1.00");
            table.row("outbox replay: post, record id/number/total (durable commit) per order",
                    BenchTable.ms(replayMs), String.format("%.0f", ORDERS / (replayMs / 1000)),
                    String.format("%.2f", replayMs / baselineMs));
            table.row("the same with the store server copy first (none copied before)",
                    BenchTable.ms(copyFirstMs), String.format("%.0f", ORDERS / (copyFirstMs / 1000)),
                    String.format("%.2f", copyFirstMs / baselineMs));
            table.print();
            System.out.printf("%nstore server copies made in the last case's delivery: %d of %d; all %d on the store"
                    + " server %.1f s after the link healed%n", copied, ORDERS, copiedAfter(kiosk), allCopiedMs / 1000);
            if (queued != 0) {
                throw new IllegalStateException(queued + " orders still queued");
            }
        }
        System.exit(0);
    }

    private static long copiedAfter(KioskTerminal kiosk) {
        return kiosk.outbox.all().stream().filter(entry -> entry.seq() > ORDERS).filter(OutboxEntry::localCopy).count();
    }

    private static NewOrder order(int n) {
        return new NewOrder(1, UUID.randomUUID().toString(), "Tamu",
                List.of(new OrderItem(1 + n % 10, null, 1, null, null)), null);
    }
}
