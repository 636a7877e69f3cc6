package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.wire.Json;
import id.outletkiosk.wire.OrderCodec;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxItem;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.sync.OutboxSender;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outbox [--all] [--json]}: what waits or needs attention, orders and status changes alike (the one
 * durable queue); {@code outbox --flush}: send it now. In JSON, one array, orders first: every entry has a
 * {@code kind}, {@code "order"} (the fields {@code order} prints) or {@code "status"} (a status change:
 * {@code order}, {@code status}, {@code central_id}, {@code local_id}, ...), so a script reading orders skips
 * the other kind.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "List orders and status changes waiting for the backend or needing attention; --flush sends them.")
final class OutboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--flush", description = "send what is queued and exit: 0 when all went through")
    boolean flush;

    @Option(names = "--all", description = "list sent orders and status changes too")
    boolean all;

    @Option(names = "--json", description = "print as JSON")
    boolean json;

    private final CommandContext context;

    OutboxCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (OutletRuntime runtime = OutletRuntime.open(context.settings(spec), context.clock())) {
            PrintWriter out = CommandContext.out(spec);
            if (flush) {
                return flush(runtime, out);
            }
            List<OutboxEntry> orders = runtime.outbox().all().stream().filter(this::listed).toList();
            List<StatusChangeEntry> statusChanges = runtime.outbox().allStatusChanges().stream()
                    .filter(this::listed).toList();
            if (json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                orders.forEach(entry -> array.add(toJson(entry)));
                statusChanges.forEach(change -> array.add(toJson(change)));
                out.println(array.toPrettyString());
            } else {
                orders.forEach(entry -> out.println(String.format("%-7s %-10s %-14s %12s  %s", entry.reference(),
                        entry.state().wireName(), entry.orderNumber() == null ? "-" : entry.orderNumber(),
                        entry.kioskTotal().toPlainString(), entry.lastError() == null ? "" : entry.lastError())));
                if (!statusChanges.isEmpty()) {
                    out.println();
                    out.println("status changes:");
                    statusChanges.forEach(change -> out.println(String.format("%-28s %-10s %3d  %s", change.label(),
                            change.state().wireName(), change.attempts(),
                            change.lastError() == null ? "" : change.lastError())));
                }
            }
            out.flush();
            return 0;
        }
    }

    /**
     * One send pass, summed up from the outbox rather than from the pass alone: the sender's own retry loop,
     * woken as the sender starts, may deliver some of the items before this pass gets to them.
     */
    private int flush(OutletRuntime runtime, PrintWriter out) {
        Set<Long> waiting = runtime.outbox().waiting().stream().map(OutboxItem::seq).collect(Collectors.toSet());
        OutboxSender.PassResult pass = runtime.outboxSender().sendQueued();
        Map<OutboxState, Long> now = Stream.concat(runtime.outbox().all().stream(),
                        runtime.outbox().allStatusChanges().stream())
                .filter(item -> waiting.contains(item.seq()))
                .collect(Collectors.groupingBy(OutboxItem::state, Collectors.counting()));
        out.println("outbox items (orders and status changes): sent " + now.getOrDefault(OutboxState.SENT, 0L)
                + ", needs attention " + now.getOrDefault(OutboxState.ATTENTION, 0L) + ", still queued "
                + pass.stillQueued() + (pass.lastError() == null ? "" : " (" + pass.lastError() + ")"));
        out.flush();
        return pass.allDelivered() ? 0 : OutletKioskCommand.FAILED;
    }

    /** Sent items only with {@code --all}: they are done. */
    private boolean listed(OutboxItem item) {
        return all || item.state() != OutboxState.SENT;
    }

    static ObjectNode toJson(OutboxEntry entry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", "order");
        node.put("reference", entry.reference());
        node.put("client_order_id", entry.clientOrderId());
        node.put("state", entry.state().wireName());
        node.put("local_copy", entry.localCopy());
        node.put("central_id", entry.centralId());
        node.put("order_number", entry.orderNumber());
        node.put("kiosk_total", entry.kioskTotal().toPlainString());
        node.put("server_total", entry.serverTotal() == null ? null : entry.serverTotal().toPlainString());
        node.put("total_mismatch", entry.totalMismatch());
        node.put("attempts", entry.attempts());
        node.put("last_error", entry.lastError());
        node.put("created_at", entry.createdAt().toString());
        node.set("items", OrderCodec.encodeItems(entry.items()));
        return node;
    }

    static ObjectNode toJson(StatusChangeEntry change) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("kind", "status");
        node.put("order", change.orderLabel());
        node.put("status", change.target().wireName());
        node.put("central_id", change.centralId());
        node.put("local_id", change.localId());
        node.put("client_order_id", change.clientOrderId());
        node.put("label", change.label());
        node.put("state", change.state().wireName());
        node.put("local_copy", change.localCopy());
        node.put("attempts", change.attempts());
        node.put("last_error", change.lastError());
        node.put("created_at", change.createdAt().toString());
        return node;
    }
}
