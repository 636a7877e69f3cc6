package id.outletkiosk.bench;

import id.outletkiosk.config.Role;
import id.outletkiosk.model.Product;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.RunningTerminal;
import id.outletkiosk.ui.kiosk.Dining;
import id.outletkiosk.ui.kiosk.KioskScreen;
import id.outletkiosk.ui.kiosk.KioskViewModel;
import id.outletkiosk.ui.kiosk.KioskWindow;
import id.outletkiosk.sync.OrderDesk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The kiosk of {@link ServiceDayBenchmark} in its own JVM (the app launcher's options): the real
 * {@link KioskWindow}, and a queue of customers who order through its view model as a person taps the
 * screen: start, a dish or three (some with a note), checkout, eat in or take away, pay, then the next
 * customer starts over. A store has several kiosks and one JVM here stands for them: one customer in
 * {@code E} taps through the screen, the others' orders go through the same terminal's order desk (the
 * outbox and sender the screen uses too), so five orders a second fit on this shared machine (the screen
 * alone manages one or two: each dish sheet decodes its large picture). On {@code go N R E} it serves N
 * customers at R a second, reporting {@code P i} (stdout) as each order is placed (in the outbox; its
 * sender takes it to central).
 */
public final class ServiceDayKiosk {
    private static final List<String> NOTES = List.of("tidak pedas", "es sedikit", "sambal dipisah");

    private ServiceDayKiosk() {
    }

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try (OutletRuntime runtime = ServiceDayTerminal.open(Role.KIOSK)) {
            KioskWindow window = ServiceDayTerminal.onFx(() -> {
                KioskWindow kiosk = KioskRole.window(new RunningTerminal(runtime), Messages.english());
                ServiceDayTerminal.show(kiosk.buildScene(1080, 1920));
                return kiosk;
            });
            Semaphore confirmed = new Semaphore(0);
            List<Product> dishes = ServiceDayTerminal.onFx(() -> {
                window.kiosk().screenProperty().addListener((seen, was, now) -> {
                    if (now == KioskScreen.CONFIRMATION) {
                        confirmed.release();
                    }
                });
                return window.kiosk().menuProperty().get().productsById().values().stream().filter(Product::available)
                        .toList();
            });
            ServiceDayTerminal.serve(command -> {
                String[] words = command.split(" ");
                if (!words[0].equals("go")) {
                    throw new IllegalArgumentException("the kiosk takes no command " + command);
                }
                serveCustomers(runtime, window.kiosk(), dishes, confirmed, Integer.parseInt(words[1]),
                        Double.parseDouble(words[2]), Integer.parseInt(words[3]));
            });
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

    /** Customer i comes at i / perSecond seconds (or as soon as the one before has paid, when later). */
    private static void serveCustomers(OutletRuntime runtime, KioskViewModel kiosk, List<Product> dishes,
            Semaphore confirmed, int customers, double perSecond, int atTheScreen) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < customers; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            LockSupport.parkNanos(due - System.nanoTime());
            if (i % atTheScreen != 0) {
                runtime.orderDesk().place(cart(dishes, i), "Tamu " + i);
                ServiceDayTerminal.REPORTS.println("P " + (i + 1));
                continue;
            }
            int customer = i;
            ServiceDayTerminal.onFx(() -> {
                order(kiosk, dishes, customer);
                return null;
            });
            if (!confirmed.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("customer " + i + "'s order was not confirmed in 30 s: "
                        + ServiceDayTerminal.onFx(() -> kiosk.problemProperty().get()));
            }
            ServiceDayTerminal.onFx(() -> {
                kiosk.startOver(); // "Done" on the confirmation
                return null;
            });
            ServiceDayTerminal.REPORTS.println("P " + (i + 1));
        }
    }

    /** What customer i orders at another kiosk: the same dishes the screen's customer i would choose. */
    private static List<OrderDesk.CartLine> cart(List<Product> dishes, int i) {
        List<OrderDesk.CartLine> lines = new ArrayList<>();
        for (int line = 0; line <= i % 3; line++) {
            lines.add(new OrderDesk.CartLine(dishes.get((i * 7 + line * 13) % dishes.size()).id(), 1 + (i + line) % 2,
                    i % 5 == line ? NOTES.get(i % NOTES.size()) : null));
        }
        return lines;
    }

    /** On the FX thread: one customer's taps, from the welcome screen to paying. */
    private static void order(KioskViewModel kiosk, List<Product> dishes, int i) {
        kiosk.start(i % 4 == 0 ? Messages.indonesian() : Messages.english());
        for (int line = 0; line <= i % 3; line++) {
            kiosk.openProduct(dishes.get((i * 7 + line * 13) % dishes.size()).id());
            kiosk.confirmChoice(1 + (i + line) % 2, i % 5 == line ? NOTES.get(i % NOTES.size()) : null);
        }
        kiosk.checkout();
        kiosk.chooseDining(i % 3 == 0 ? Dining.TAKE_AWAY : Dining.EAT_IN);
        kiosk.confirm("Tamu " + i);
    }
}
