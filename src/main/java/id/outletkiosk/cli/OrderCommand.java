package id.outletkiosk.cli;

import id.outletkiosk.OutletRuntime;
import id.outletkiosk.api.BackendException;
import id.outletkiosk.api.OrderCodec;
import id.outletkiosk.api.OrderServerClient;
import id.outletkiosk.config.SettingsException;
import id.outletkiosk.model.NewOrder;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderItem;
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
 * {@code order --outlet 1 --item 12x2 --item 14x1}: places an order at the central backend, or at the
 * local sync server when the backend cannot be reached (so the kitchen still sees it).
 */
@Command(name = "order", mixinStandardHelpOptions = true, description = "Place an order (tests and demos).")
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
        List<OrderItem> items = new ArrayList<>();
        for (String text : itemTexts) {
            Matcher matcher = ITEM.matcher(text.trim());
            if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1) {
                throw new ParameterException(spec.commandLine(), "--item: \"" + text
                        + "\" is not PRODUCTxQUANTITY like 12x2");
            }
            items.add(new OrderItem(Long.parseLong(matcher.group(1)), null, Integer.parseInt(matcher.group(2)), null,
                    matcher.group(3)));
        }
        try (OutletRuntime runtime = OutletRuntime.open(context.settings(spec), context.clock())) {
            var endpoints = runtime.feedEndpoints();
            if (endpoints.central() == null && endpoints.local() == null) {
                throw new SettingsException("backend: neither --backend nor --local-http is set: nowhere to order");
            }
            NewOrder order = new NewOrder(runtime.settings().outlet(),
                    clientOrderId == null ? UUID.randomUUID().toString() : clientOrderId, customer, items);
            BackendException centralFailure = null;
            for (OrderServerClient server : new OrderServerClient[] {endpoints.central(), endpoints.local()}) {
                if (server == null) {
                    continue;
                }
                try {
                    Order placed = server.place(order, context.clock().instant());
                    CommandContext.out(spec).println(OrderCodec.encode(placed, server.origin()));
                    CommandContext.out(spec).flush();
                    return 0;
                } catch (BackendException e) {
                    if (centralFailure == null) {
                        centralFailure = e;
                    }
                    spec.commandLine().getErr().println("outlet-kiosk: " + e.getMessage());
                    if (!e.isTransient()) {
                        return OutletKioskCommand.FAILED; // refused: another server would refuse it too
                    }
                }
            }
            return OutletKioskCommand.FAILED;
        }
    }
}
