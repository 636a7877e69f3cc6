package id.outletkiosk.ui;

import id.outletkiosk.ui.app.BackOfficeRole;
import id.outletkiosk.ui.app.RunningTerminal;

import static org.assertj.core.api.Assertions.assertThat;

import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.config.Setting;
import id.outletkiosk.model.EntityKind;
import id.outletkiosk.model.Product;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.testing.FxAwait;
import id.outletkiosk.testing.TestClocks;
import id.outletkiosk.testing.TestRuntimes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The menu window on a real (headless) screen over the reference backend. */
@Tag("screen")
@ExtendWith(ApplicationExtension.class)
class MenuWindowTest {
    @TempDir
    static Path home;

    private ReferenceBackend backend;
    private OutletRuntime runtime;
    private MenuWindow window;

    @Start
    void start(Stage stage) {
        backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), TestClocks.noonInJakarta());
        runtime = TestRuntimes.against(backend, home, TestClocks.noonInJakarta(),
                Map.of(Setting.DATA_DIR, home.resolve("data-" + System.nanoTime()).toString()));
        runtime.startSync();
        window = BackOfficeRole.window(new RunningTerminal(runtime), Messages.indonesian());
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        runtime.close();
        backend.close();
    }

    @Test
    void showsTheSyncedMenuByCategoryWithRupiahPrices(FxRobot robot) {
        FxAwait.text(robot, "#data-version", "Versi data 61");
        ListView<MenuLine> list = robot.lookup("#menu-list").queryListView();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> list.getItems().size() == 58);
        assertThat(list.getItems().get(0)).isInstanceOfSatisfying(MenuLine.Heading.class,
                heading -> assertThat(heading.category().name()).isEqualTo("Nasi"));
        assertThat(robot.lookup(".product-price").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Rp 28.000", "Rp 24.000");
        assertThat(robot.lookup(".badge-promo").queryAllAs(Label.class)).isNotEmpty();
        assertThat(robot.lookup("#sync-state").queryAs(Label.class).getText()).isEqualTo("Data terbaru");
        assertThat(robot.lookup("#outdated-warning").queryAs(Label.class).isVisible()).isFalse();
        FxAwait.text(robot, "#transport", "● Online");
    }

    @Test
    void refreshButtonBringsANewPriceOntoTheScreen(FxRobot robot) {
        FxAwait.text(robot, "#data-version", "Versi data 61");
        backend.repository().update(EntityKind.PRODUCTS, 1, row -> {
            Product p = (Product) row;
            return new Product(p.id(), p.name(), p.categoryId(), new BigDecimal("29500"), p.description(),
                    p.imageUrl(), p.available(), p.active(), p.version(), p.updatedAt());
        });

        robot.clickOn("#refresh-button");

        FxAwait.text(robot, "#data-version", "Versi data 62");
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> robot.lookup(".product-price")
                .queryAllAs(Label.class).stream().anyMatch(label -> label.getText().equals("Rp 29.500")));
    }
}
