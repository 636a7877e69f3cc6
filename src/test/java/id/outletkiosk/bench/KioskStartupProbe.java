package id.outletkiosk.bench;

import id.outletkiosk.ui.app.KioskRole;
import id.outletkiosk.ui.app.RunningTerminal;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.config.SettingsLoader;
import id.outletkiosk.model.Category;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.kiosk.KioskWindow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;

/**
 * One measured start, in its own JVM (started by {@link KioskStartupBenchmark}): opens the kiosk as
 * {@code ui} does, taps "start" at once, and prints {@code READY} when the menu grid shows dishes.
 * With {@code browse}, then visits every category to the bottom of its grid and prints the resident
 * memory. With {@code bare}, shows an empty JavaFX window instead: the floor any JavaFX app pays.
 */
public final class KioskStartupProbe {
    private KioskStartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("bare")) {
            CountDownLatch shown = new CountDownLatch(1);
            Platform.startup(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(new StackPane(new Label("Outlet Kiosk")), 1920, 1080);
                scene.addPostLayoutPulseListener(shown::countDown);
                stage.setScene(scene);
                stage.show();
            });
            shown.await(60, TimeUnit.SECONDS);
            ready();
            System.exit(0);
        }
        Settings settings = new SettingsLoader(Path.of(System.getProperty("user.home"))).load(Map.of(
                Setting.BACKEND, args[1], Setting.DATA_DIR, args[2], Setting.KIOSK_MODE, "off",
                Setting.CONNECT_TIMEOUT, "1s"), Map.of());
        OutletRuntime runtime = OutletRuntime.open(settings, Clock.systemDefaultZone());
        runtime.startSync();
        CountDownLatch menuShown = new CountDownLatch(1);
        KioskWindow[] window = new KioskWindow[1];
        Platform.startup(() -> {
            window[0] = KioskRole.window(new RunningTerminal(runtime), Messages.english());
            Stage stage = new Stage();
            window[0].show(stage);
            window[0].kiosk().start(Messages.english()); // the first customer taps at once
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (dishesOnScreen(stage.getScene()) > 0) {
                    menuShown.countDown();
                }
            });
        });
        if (!menuShown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the menu never showed a dish");
        }
        ready();
        if (mode.equals("browse")) {
            browseEverything(window[0]);
            System.out.println("RSS_KB " + residentKilobytes());
            // where the memory is: -Dprobe.diagnose=vmNativeMemory (with -XX:NativeMemoryTracking=summary)
            // or -Dprobe.diagnose=gcClassHistogram
            String diagnose = System.getProperty("probe.diagnose");
            if (diagnose != null) {
                System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), diagnose,
                        new Object[] {diagnose.equals("vmNativeMemory") ? new String[] {"summary"} : new String[0]},
                        new String[] {String[].class.getName()}));
            }
            System.gc(); // what is really alive, as opposed to garbage not yet collected
            System.out.println("HEAP_LIVE_KB " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                    / 1024);
        }
        System.exit(0);
    }

    private static void ready() {
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("READY " + sinceStart);
    }

    private static long dishesOnScreen(Scene scene) {
        return scene.getRoot().lookupAll(".grid-cell").stream()
                .filter(node -> node instanceof GridCell<?> cell && cell.getItem() != null).count();
    }

    /** Every category, scrolled to the bottom a screen at a time, waiting for each screen's pictures. */
    private static void browseEverything(KioskWindow window) throws Exception {
        List<Category> categories = onFx(() -> window.kiosk().menuProperty().get().categories());
        for (Category category : categories) {
            onFx(() -> {
                window.kiosk().selectCategory(category.id());
                return null;
            });
            for (int screen = 0; screen < 40; screen++) {
                boolean moved = onFx(() -> {
                    VirtualFlow<?> flow = findFlow();
                    return flow != null && flow.scrollPixels(700) > 0;
                });
                awaitPictures(window);
                if (!moved) {
                    break;
                }
            }
        }
    }

    private static VirtualFlow<?> findFlow() {
        for (javafx.stage.Window open : javafx.stage.Window.getWindows()) {
            Node flow = open.getScene().getRoot().lookup("#product-grid .virtual-flow");
            if (flow instanceof VirtualFlow<?> virtual) {
                return virtual;
            }
        }
        return null;
    }

    private static void awaitPictures(KioskWindow window) throws Exception {
        awaitPulse(); // the scrolled cells ask for their pictures when they are laid out
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (onFx(() -> window.pictures().pending() == 0)) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitPulse() throws Exception {
        CountDownLatch pulsed = new CountDownLatch(1);
        onFx(() -> {
            Scene scene = javafx.stage.Window.getWindows().get(0).getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                pulsed.countDown();
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
            return null;
        });
        pulsed.await(10, TimeUnit.SECONDS);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    private static long residentKilobytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
