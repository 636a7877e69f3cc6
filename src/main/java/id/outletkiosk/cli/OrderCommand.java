package id.outletkiosk.cli;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.sync.OutboxSender;
import id.outletkiosk.sync.SyncFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code order --item 12x2 --item 14x1}: places an order as a kiosk does: priced from the local menu,
 * written to the outbox (which gives the reference), then sent to the backend, or to the local sync
 * server while the backend is away. Exit 0 once the order is safe in the outbox, sent or not.
 */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Place an order through the outbox.")
final class OrderCommand implements Callable<Integer> {
    private static final Pattern ITEM = Pattern.compile("(\\d+)x(\\d+)(?::(.*))?");

    @Spec
    CommandSpec spec;

    @Option(names = "--item", required = true, paramLabel = "PRODUCTxQTY[:NOTES]",
            description = "a line of the order, e.g. 12x2 or 12x1:tidak pedas; repeat for more")
    List<String> itemTexts;

    @Option(names = "--customer", paramLabel = "NAME", description = "customer name")
    String customer;

    @Option(names = "--client-order-id", paramLabel = "UUID", description = "idempotency key (default: a new one)")
    String clientOrderId;

    private final CommandContext context;

    OrderCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<OrderDesk.CartLine> cart = new ArrayList<>();
        for (String text : itemTexts) {
            Matcher matcher = ITEM.matcher(text.trim());
            if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1) {
                throw new ParameterException(spec.commandLine(), "--item: \"" + text
                        + "\" is not PRODUCTxQUANTITY like 12x2");
            }
            cart.add(new OrderDesk.CartLine(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3)));
        }
        try (OutletRuntime runtime = OutletRuntime.open(context.settings(spec), context.clock())) {
            CommandContext.requireOrderServer(runtime.settings(), "order");
            ensureMenu(runtime);
            var entry = runtime.orderDesk().place(cart, customer,
                    clientOrderId == null ? UUID.randomUUID().toString() : clientOrderId);
            OutboxSender.PassResult pass = runtime.outboxSender().sendQueued();
            var now = runtime.outbox().all().stream().filter(e -> e.seq() == entry.seq()).findFirst().orElse(entry);
            CommandContext.out(spec).println(OutboxCommand.toJson(now));
            CommandContext.out(spec).flush();
            if (!pass.allDelivered()) {
                spec.commandLine().getErr().println("outlet-kiosk: order " + entry.reference()
                        + " is queued for the backend (" + pass.lastError() + ")");
            }
            return 0;
        } catch (OrderDesk.NotOnSale e) {
            spec.commandLine().getErr().println("outlet-kiosk: " + e.getMessage());
            return OutletKioskCommand.FAILED;
        }
    }

    /** A kiosk never sells from an empty menu: a store never synced syncs once first. */
    private void ensureMenu(OutletRuntime runtime) {
        var sync = runtime.sync();
        if (runtime.catalog().allProducts().isEmpty() && sync.isPresent()) {
            try {
                sync.get().runRound();
            } catch (SyncFailedException e) {
                throw new OrderDesk.NotOnSale("the menu was never synced and cannot be now: " + e.getMessage());
            }
        }
    }

}
