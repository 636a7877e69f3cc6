package id.outletkiosk.cli;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.StatusChangeEntry;
import id.outletkiosk.sync.OrderStatusDesk;
import id.outletkiosk.sync.OutboxSender;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code order-status --id 17 --status ready}: moves an order as a cook's bump does, through the same
 * {@link OrderStatusDesk}: checked (only forward), written to the outbox, then one send pass. Exit 0 once
 * the change is durable, sent or still queued (one stderr line says why it waits); 1 when the change is
 * refused (a step back, or head office refusing it); 2 for bad usage.
 */
@Command(name = "order-status", mixinStandardHelpOptions = true,
        description = "Move an order to preparing, ready, completed or cancelled, as the kitchen board does.")
final class OrderStatusCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(OrderStatusCommand.class);
    /** Statuses a person can move an order to; {@code pending} is where every order starts, never a move. */
    private static final List<OrderStatus> MOVES = Arrays.stream(OrderStatus.values())
            .filter(status -> status != OrderStatus.PENDING).toList();

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OrderKey key;

    /** Which order: by head office's id, or by the store server's id for an order head office has not got yet. */
    static final class OrderKey {
        @Option(names = "--id", required = true, paramLabel = "N", description = "the order's id at head office")
        Long centralId;

        @Option(names = "--local-id", required = true, paramLabel = "N",
                description = "the order's id on the store server (for an order known only there)")
        Long localId;
    }

    @Option(names = "--status", required = true, paramLabel = "STATUS",
            description = "preparing, ready, completed or cancelled")
    String statusName;

    private final CommandContext context;

    OrderStatusCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OrderStatus next = requestedStatus();
        try (OutletRuntime runtime = OutletRuntime.open(context.settings(spec), context.clock())) {
            CommandContext.requireOrderServer(runtime.settings(), "send the change");
            // keys only: the desk looks the order up in the ledger and moves it from the status known there
            Order keys = new Order(key.centralId, key.localId, null, null, runtime.settings().outlet(),
                    OrderStatus.PENDING, List.of(), null, null, null, null, null);
            Order moved;
            try {
                moved = runtime.statusDesk().change(keys, next);
            } catch (OrderStatusDesk.ChangeRefused refused) {
                LOG.info("order-status refused for central id {} / local id {} to {}: {}", key.centralId,
                        key.localId, next.wireName(), refused.getMessage());
                return refuse(refused.getMessage());
            }
            OutboxSender.PassResult pass = runtime.outboxSender().sendQueued();
            StatusChangeEntry change = thisChange(runtime, moved, next);
            PrintWriter out = CommandContext.out(spec);
            out.println(change.label() + ": " + change.state().wireName());
            out.flush();
            return report(runtime, change, moved, pass);
        }
    }

    private OrderStatus requestedStatus() {
        OrderStatus status = OrderStatus.fromWireName(statusName);
        if (status == null || !MOVES.contains(status)) {
            throw new ParameterException(spec.commandLine(), "--status: \"" + statusName + "\" is not one of "
                    + MOVES.stream().map(OrderStatus::wireName).collect(Collectors.joining(", ")));
        }
        return status;
    }

    /** The outbox item the desk just wrote: the newest change of this order to this status. */
    private static StatusChangeEntry thisChange(OutletRuntime runtime, Order moved, OrderStatus next) {
        List<StatusChangeEntry> changes = runtime.outbox().allStatusChanges();
        for (int index = changes.size() - 1; index >= 0; index--) {
            StatusChangeEntry change = changes.get(index);
            if (change.target() == next && (sameKey(change.centralId(), moved.centralId())
                    || sameKey(change.localId(), moved.localId()))) {
                return change;
            }
        }
        throw new IllegalStateException("the status change of order " + moved.label() + " is not in the outbox");
    }

    private static boolean sameKey(Long a, Long b) {
        return a != null && Objects.equals(a, b);
    }

    /** Exit 0 when the change stands (sent, or durable and queued); 1 when head office would not take it. */
    private int report(OutletRuntime runtime, StatusChangeEntry change, Order moved, OutboxSender.PassResult pass) {
        switch (change.state()) {
            case QUEUED -> {
                // a pass stops at the first item head office cannot take: this one may not have been tried
                String why = change.lastError() != null ? change.lastError()
                        : pass.lastError() != null ? pass.lastError() : "it waits behind earlier items";
                spec.commandLine().getErr().println("outlet-kiosk: " + change.label() + " is queued for head office: "
                        + why + storeServerNote(runtime, change));
                return 0;
            }
            case ATTENTION, DISCARDED -> {
                return refuse("head office refused " + change.label() + ": " + change.lastError()
                        + " (kept in the outbox for a manager)");
            }
            case SENT -> {
                // head office already further (a cancellation made there, say) counts as delivered for the
                // outbox, but the person asked for a status the order did not get
                Order now = runtime.ledger().find(moved);
                if (now != null && now.status() != change.target()) {
                    return refuse("order " + now.label() + " is " + now.status().wireName()
                            + " at head office already and cannot become " + change.target().wireName());
                }
                return 0;
            }
        }
        throw new IllegalStateException("unknown outbox state " + change.state());
    }

    private static String storeServerNote(OutletRuntime runtime, StatusChangeEntry change) {
        if (runtime.settings().localHttp() == null) {
            return "";
        }
        return change.localCopy() ? "; the store server has it" : "; the store server has not got it yet";
    }

    private int refuse(String reason) {
        spec.commandLine().getErr().println("outlet-kiosk: " + reason);
        return OutletKioskCommand.FAILED;
    }
}
