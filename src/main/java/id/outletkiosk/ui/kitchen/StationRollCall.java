package id.outletkiosk.ui.kitchen;

import id.outletkiosk.api.BackendException;
import id.outletkiosk.ui.Messages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a kitchen display does about the store's prep stations: it reads the menu's categories before
 * the first ticket (a station sorts dishes by them); a station tells the store server what it cooks and
 * the expo reads the store's stations, at once and every few minutes (a store server that was away, or
 * a station opened later, is caught up); and the board's title says which screen this is.
 */
final class StationRollCall {
    private static final Logger LOG = LoggerFactory.getLogger(StationRollCall.class);
    /** How often a station announces itself and the expo re-reads the stations. */
    static final Duration EVERY = Duration.ofMinutes(2);

    private final KitchenBoardViewModel board;
    private final KitchenBackOffice backOffice;
    private final Messages messages;
    private final ScheduledExecutorService worker;
    private final Executor fx;

    StationRollCall(KitchenBoardViewModel board, KitchenBackOffice backOffice, Messages messages,
            ScheduledExecutorService worker, Executor fx) {
        this.board = board;
        this.backOffice = backOffice;
        this.messages = messages;
        this.worker = worker;
        this.fx = fx;
    }

    /**
     * Reads the menu on the worker, gives it to the lens on the FX thread, then calls {@code ready} there
     * with the categories the station setting names that the menu does not have.
     */
    void start(Consumer<List<String>> ready) {
        StationLens lens = board.lens();
        worker.execute(() -> {
            var menu = backOffice.menuCategories();
            var byProduct = backOffice.categoryOfProducts();
            fx.execute(() -> {
                lens.setMenu(byProduct);
                ready.accept(lens.unknownCategories(menu));
            });
        });
        if (lens.isStation() || lens.isExpo()) {
            worker.scheduleWithFixedDelay(this::meet, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** "Dapur · outlet 1" for a whole-order board; a station by its name ("Bar"), "Expo"; a station names categories not on the menu. */
    String title(long outlet, List<String> unknownCategories) {
        StationLens lens = board.lens();
        String text = lens.isStation() ? messages.get("kitchen.title.station", outlet, lens.stationName())
                : lens.isExpo() ? messages.get("kitchen.title.expo", outlet)
                : messages.get("kitchen.title", outlet);
        return unknownCategories.isEmpty() ? text
                : text + " · " + messages.get("kitchen.station.unknown", String.join(", ", unknownCategories));
    }

    /** On the worker: a station announces itself; the expo learns the stations. */
    private void meet() {
        StationLens lens = board.lens();
        try {
            if (lens.isStation()) {
                backOffice.announce(lens.asStation(backOffice.menuCategories()));
            } else {
                var stations = backOffice.stations();
                fx.execute(() -> {
                    lens.setStations(stations);
                    board.refreshProgress();
                });
            }
        } catch (BackendException | RuntimeException e) {
            LOG.info("the store server could not be asked about stations now: {}", e.getMessage());
        }
    }
}
