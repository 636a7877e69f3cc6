package id.outletkiosk.ui.app;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.config.Settings;
import id.outletkiosk.model.OutboxEntry;
import id.outletkiosk.pricing.MenuSnapshot;
import id.outletkiosk.runtime.OutletRuntime;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.ui.Messages;
import id.outletkiosk.ui.ProductImages;
import id.outletkiosk.ui.kiosk.KioskBackOffice;
import id.outletkiosk.ui.kiosk.KioskWindow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The kiosk's composition root: the customer's screen gets the menu, the order desk and its own
 * orders' state (its {@link KioskBackOffice}), the pictures, and nothing else of the terminal.
 */
public final class KioskRole {
    /**
     * The placeholder's size, and the pictures' until the menu decodes them for its tiles
     * ({@link ProductImages#decodeForTiles}: 250 px wide on a landscape screen, 313 on a portrait one).
     */
    private static final int PICTURE_WIDTH = 300;
    private static final int PICTURE_HEIGHT = 225;

    private KioskRole() {
    }

    public static KioskWindow window(RunningTerminal terminal, Messages defaultLanguage) {
        Settings settings = terminal.runtime().settings();
        ProductImages pictures = new ProductImages(settings.dataDir().resolve("pictures"), settings.backend(),
                terminal.clock(), PICTURE_WIDTH, PICTURE_HEIGHT, BackendClient.storeTls(settings));
        return new KioskWindow(terminal, backOffice(terminal.runtime()), pictures, settings.kiosk(), defaultLanguage);
    }

    /** The kiosk's back office over a runtime (public for the view model's tests). */
    public static KioskBackOffice backOffice(OutletRuntime runtime) {
        return new KioskBackOffice() {
            @Override
            public MenuSnapshot readMenu() {
                long version = runtime.masterData().versions().values().stream().mapToLong(Long::longValue).max()
                        .orElse(0);
                return runtime.catalog().menu(version, runtime.clock().instant());
            }

            @Override
            public OutboxEntry place(List<OrderDesk.CartLine> lines, String customerName, BigDecimal shownTotal) {
                return runtime.orderDesk().place(lines, customerName, UUID.randomUUID().toString(), shownTotal);
            }

            @Override
            public Optional<OutboxEntry> placed(long seq) {
                return runtime.outbox().entry(seq);
            }
        };
    }
}
