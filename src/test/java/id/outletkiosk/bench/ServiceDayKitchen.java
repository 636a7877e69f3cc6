package id.outletkiosk.bench;

import id.outletkiosk.config.Role;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.KitchenRole;
import id.outletkiosk.ui.app.RunningTerminal;
import id.outletkiosk.ui.kitchen.KitchenBoardViewModel;
import id.outletkiosk.ui.kitchen.KitchenWindow;
import id.outletkiosk.ui.kitchen.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The kitchen board of {@link ServiceDayBenchmark} in its own JVM (the kitchen launcher's options): the
 * real {@link KitchenWindow} over a whole-order terminal, and a cook who bumps each ticket through its
 * view model as a person taps it: started 3 s after it came, ready at 12 s, served at 20 s (each step one
 * tap, held for Undo and sent as the board sends any bump). About a hundred tickets stay open at five
 * orders a second.
 */
public final class ServiceDayKitchen {
    static final Duration PREPARING_AFTER = Duration.ofSeconds(3);
    static final Duration READY_AFTER = Duration.ofSeconds(12);
    static final Duration SERVED_AFTER = Duration.ofSeconds(20);

    private ServiceDayKitchen() {
    }

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try (OutletRuntime runtime = ServiceDayTerminal.open(Role.KITCHEN)) {
            KitchenWindow window = ServiceDayTerminal.onFx(() -> {
                KitchenWindow kitchen = KitchenRole.window(new RunningTerminal(runtime), Messages.english());
                ServiceDayTerminal.show(kitchen.buildScene(1920, 1080));
                return kitchen;
            });
            ScheduledExecutorService cook = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cook"));
            // a cook looks at the board every quarter of a second and taps what is due
            cook.scheduleWithFixedDelay(() -> Platform.runLater(() -> bumpWhatIsDue(window.board())), 250, 250,
                    TimeUnit.MILLISECONDS);
            ServiceDayTerminal.serve(command -> {
                throw new IllegalArgumentException("the kitchen takes no command " + command);
            });
            cook.shutdownNow();
            ServiceDayTerminal.onFx(() -> {
                window.close();
                return null;
            });
        } catch (Throwable failure) {
            failure.printStackTrace();
            ServiceDayTerminal.REPORTS.println("E " + failure);
            exit = 1;
        }
        System.exit(exit); // JavaFX's and the sockets' threads would keep the JVM
    }

    /** On the FX thread: one tap on each ticket whose next step is due. */
    private static void bumpWhatIsDue(KitchenBoardViewModel board) {
        Instant now = Instant.now();
        for (Ticket ticket : List.copyOf(board.tickets())) {
            if (!ticket.bumping() && ticket.cancelledAt() == null && ticket.status().isBefore(dueStatus(ticket, now))) {
                board.bump(ticket);
            }
        }
    }

    private static OrderStatus dueStatus(Ticket ticket, Instant now) {
        Duration waited = Duration.between(ticket.arrived(), now);
        if (waited.compareTo(SERVED_AFTER) >= 0) {
            return OrderStatus.COMPLETED;
        } else if (waited.compareTo(READY_AFTER) >= 0) {
            return OrderStatus.READY;
        } else if (waited.compareTo(PREPARING_AFTER) >= 0) {
            return OrderStatus.PREPARING;
        }
        return OrderStatus.PENDING;
    }
}
