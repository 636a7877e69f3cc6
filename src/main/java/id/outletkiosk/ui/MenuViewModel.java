package id.outletkiosk.ui;

import id.outletkiosk.model.Category;
import id.outletkiosk.model.Product;
import id.outletkiosk.model.Promotion;
import id.outletkiosk.model.SyncState;
import id.outletkiosk.model.SyncStatus;
import id.outletkiosk.store.CatalogStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menu as the screen lists it, read from the local store off the FX thread and reloaded whenever
 * a sync round brings a new data version.
 */
public final class MenuViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MenuViewModel.class);

    private final CatalogStore catalog;
    private final Clock clock;
    private final Executor storeReader;
    private final ObservableList<MenuLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private long shownVersion = -1;

    public MenuViewModel(CatalogStore catalog, Clock clock, Executor storeReader) {
        this.catalog = catalog;
        this.clock = clock;
        this.storeReader = storeReader;
    }

    public ObservableList<MenuLine> lines() {
        return lines;
    }

    /** True once the first read of the store has reached the screen. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Called on the FX thread with each sync status: reloads when the data version moved. */
    public void onSyncStatus(SyncStatus status) {
        boolean firstLoad = shownVersion < 0;
        boolean newData = status.state() == SyncState.SYNCED && status.dataVersion() != shownVersion;
        if (firstLoad || newData) {
            shownVersion = status.dataVersion();
            reload();
        }
    }

    public void reload() {
        storeReader.execute(() -> {
            try {
                List<MenuLine> fresh = readMenu();
                Platform.runLater(() -> {
                    lines.setAll(fresh);
                    loaded.set(true);
                });
            } catch (RuntimeException e) {
                LOG.error("reading the menu from the local store failed", e);
            }
        });
    }

    private List<MenuLine> readMenu() {
        List<Promotion> running = catalog.activePromotions(clock.instant());
        List<MenuLine> menu = new ArrayList<>();
        for (Category category : catalog.categories()) {
            List<Product> products = catalog.productsOf(category.id());
            if (products.isEmpty()) {
                continue;
            }
            menu.add(new MenuLine.Heading(category, products.size()));
            for (Product product : products) {
                menu.add(new MenuLine.Item(product, running.stream().filter(p -> p.targets(product)).toList()));
            }
        }
        return menu;
    }
}
