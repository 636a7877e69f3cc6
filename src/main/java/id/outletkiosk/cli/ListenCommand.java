package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.wire.Json;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.FeedStatus;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderEvent;
import id.outletkiosk.sync.FeedListener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code listen --json}: one line per order event and per transport change, until stopped. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Follow the outlet's live orders over the best transport that works.")
final class ListenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "one JSON object per line")
    boolean json;

    @Option(names = "--count", paramLabel = "N", description = "stop after N order events")
    Integer count;

    private final CommandContext context;

    ListenCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = CommandContext.out(spec);
        AtomicInteger events = new AtomicInteger();
        try (UntilStopped done = new UntilStopped();
                OutletRuntime runtime = OutletRuntime.open(context.settings(spec), context.clock())) {
            RealtimeLines lines = new RealtimeLines(out, json);
            runtime.startFeed().addListener(new FeedListener() {
                private final AtomicReference<FeedMode> shownMode = new AtomicReference<>();

                @Override
                public void onStatus(FeedStatus status) {
                    if (shownMode.getAndSet(status.mode()) != status.mode()) {
                        lines.transport(status.mode(), status.lastError());
                    }
                }

                @Override
                public void onOrder(OrderEvent event) {
                    // a joining transport delivers its catch-up before it is announced live: say which it is first
                    if (shownMode.getAndSet(event.via()) != event.via()) {
                        lines.transport(event.via(), null);
                    }
                    lines.order(event);
                    if (count != null && events.incrementAndGet() >= count) {
                        done.stop();
                    }
                }
            });
            done.await();
        }
        return 0;
    }

    /** Prints feed output, one line each, flushed at once so a pipe sees it live. */
    static final class RealtimeLines {
        private final PrintWriter out;
        private final boolean json;

        RealtimeLines(PrintWriter out, boolean json) {
            this.out = out;
            this.json = json;
        }

        synchronized void transport(FeedMode mode, String lastError) {
            if (json) {
                ObjectNode line = Json.MAPPER.createObjectNode().put("kind", "transport")
                        .put("mode", mode.wireName()).put("last_error", lastError);
                out.println(line);
            } else {
                out.println("transport: " + mode.wireName() + (lastError == null ? "" : " (" + lastError + ")"));
            }
            out.flush();
        }

        synchronized void order(OrderEvent event) {
            Order order = event.order();
            if (json) {
                ObjectNode line = Json.MAPPER.createObjectNode().put("kind", "order")
                        .put("event", event.type().wireName()).put("id", order.centralId())
                        .put("local_id", order.localId()).put("client_order_id", order.clientOrderId())
                        .put("order_number", order.orderNumber()).put("reference", order.reference())
                        .put("status", order.status().wireName())
                        .put("via", event.via().wireName());
                out.println(line);
            } else {
                out.println(event.type().wireName() + " " + order.label() + " " + order.status().wireName() + " via "
                        + event.via().wireName());
            }
            out.flush();
        }
    }
}
