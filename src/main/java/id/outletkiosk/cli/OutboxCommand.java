package id.outletkiosk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.outletkiosk.OutletRuntime;
import id.outletkiosk.api.Json;
import id.outletkiosk.api.OrderCodec;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.model.OutboxState;
import id.outletkiosk.sync.OutboxSender;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outbox [--all] [--json]}: what waits or needs attention; {@code outbox --flush}: send it now. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = "List orders waiting for the backend or needing attention; --flush sends them.")
final class OutboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--flush", description = "send what is queued and exit: 0 when all went through")
    boolean flush;

    @Option(names = "--all", description = "list sent orders too")
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
                OutboxSender.PassResult pass = runtime.outboxSender().sendQueued();
                out.println("sent " + pass.sent() + ", needs attention " + pass.attention() + ", still queued "
                        + pass.stillQueued() + (pass.lastError() == null ? "" : " (" + pass.lastError() + ")"));
                out.flush();
                return pass.allDelivered() ? 0 : OutletKioskCommand.FAILED;
            }
            List<OutboxEntry> entries = runtime.outbox().all().stream()
                    .filter(entry -> all || entry.state() != OutboxState.SENT).toList();
            if (json) {
                ArrayNode array = Json.newMapper().createArrayNode();
                entries.forEach(entry -> array.add(toJson(entry)));
                out.println(array.toPrettyString());
            } else {
                entries.forEach(entry -> out.println(String.format("%-7s %-10s %-14s %12s  %s", entry.reference(),
                        entry.state().wireName(), entry.orderNumber() == null ? "-" : entry.orderNumber(),
                        entry.kioskTotal().toPlainString(), entry.lastError() == null ? "" : entry.lastError())));
            }
            out.flush();
            return 0;
        }
    }

    static ObjectNode toJson(OutboxEntry entry) {
        ObjectNode node = Json.newMapper().createObjectNode();
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
}
