package id.outletkiosk.runtime;

import id.outletkiosk.store.Retention;

import id.outletkiosk.sync.FeedListener;

import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.config.Role;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.Settings;
import id.outletkiosk.security.ManagerPin;
import id.outletkiosk.server.StoreServer;
import id.outletkiosk.server.MasterDataRepository;
import id.outletkiosk.server.OrderBook;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.server.SampleMenu;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.StoreServerOrders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole store in one process, for the demo: the reference backend ("central", with the demo menu),
 * the outlet's store server following it, a kiosk terminal and a kitchen terminal, each with its
 * own store in the demo folder. {@link #cutInternet()} stops central as an outage would (everyone,
 * the store server too, loses it); {@link #restoreInternet()} brings it back on the same port with
 * the same menu and orders, and everyone climbs back.
 */
public final class DemoOutlet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoOutlet.class);
    /** The demo terminals' manager PIN, shown on the demo's PIN pad (a real terminal sets its own from the CLI). */
    public static final String DEMO_PIN = "1234";
    /** The demo menu's categories the kitchen cooks; the bar makes the {@link #DRINKS}. */
    static final String FOOD = "Dapur: Nasi, Mie & Bakso, Ayam & Bebek, Sup & Soto, Sayur & Lauk, Camilan, "
            + "Pencuci Mulut";
    static final String DRINKS = "Bar: Minuman";

    private final MasterDataRepository menu = new MasterDataRepository();
    private final OrderBook orders;
    private final int centralPort;
    private volatile ReferenceBackend central;
    private final StoreServerOrders storeServerOrders;
    private final StoreServer storeServer;
    private final OutletRuntime storeServerFollower;
    private final OutletRuntime kiosk;
    private final OutletRuntime kitchen;
    private final OutletRuntime bar;
    private final OutletRuntime expo;
    private final OutletRuntime pickup;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final LunchRush lunchRush;
    private final Path folder;
    private final Clock clock;
    private final java.util.Map<String, OutletRuntime> hands = new java.util.HashMap<>();

    private DemoOutlet(Settings base, Clock clock) {
        SampleMenu.seed(menu, clock);
        orders = new OrderBook(menu, clock);
        central = new ReferenceBackend(menu, orders, ReferenceBackend.Options.loopback()).start();
        centralPort = central.port();
        Path folder = base.dataDir();
        forgetTheLastDemo(folder);
        this.folder = folder;
        this.clock = clock;
        storeServerOrders = new StoreServerOrders(Database.openStoreServerDatabase(folder.resolve("local-server.db")), clock, 100);
        opened.add(storeServerOrders);
        storeServer = new StoreServer(storeServerOrders, StoreServer.Options.loopback()
                .withOutlets(java.util.Set.of((long) base.outlet())), clock).start();
        opened.add(storeServer);
        // the reference backend's admin route stands in for central's (the wire contract has none)
        Settings online = base.withBackend(central.baseUri()).with(id.outletkiosk.config.Setting.CENTRAL_KITCHEN_STATUS_PATH,
                "/admin/api/kitchen-status/");
        storeServerFollower = open(online, folder.resolve("local-server-feed"), clock);
        storeServerFollower.startFeed().addListener(FeedListener.ofOrders(event -> storeServer.recordFromCentral(event.order())));
        Settings terminal = online.withLocalServer(storeServer.baseUri(), storeServer.socketUri());
        kiosk = open(terminal, folder.resolve("kiosk"), clock);
        Settings kitchens = terminal.withRole(Role.KITCHEN);
        kitchen = open(kitchens.with(Setting.STATION, KitchenDuty.parse(FOOD)), folder.resolve("kitchen"), clock);
        bar = open(kitchens.with(Setting.STATION, KitchenDuty.parse(DRINKS)), folder.resolve("bar"), clock);
        expo = open(kitchens.with(Setting.STATION, new KitchenDuty.Expo()), folder.resolve("expo"), clock);
        pickup = open(terminal.withRole(Role.PICKUP), folder.resolve("pickup"), clock);
        lunchRush = new LunchRush(this, new java.util.Random(), clock);
        opened.add(lunchRush);
        LOG.info("demo store: central {}, store server {}", central.baseUri(), storeServer.baseUri());
    }

    /**
     * Central's orders live in its memory and go with the process, so the stores of the last demo (the
     * terminals' and the store server's) would show its orders against a central that never heard of them:
     * a demo starts with none anywhere. Only the demo's folder is touched; the menu syncs again in a moment.
     */
    private static void forgetTheLastDemo(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches(".*\\.db(-wal|-shm)?"))
                    .toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the last demo's stores in " + folder, e);
        }
    }

    /** Starts everything in {@code base}'s data folder; the terminals' menus sync at once. */
    public static DemoOutlet start(Settings base, Clock clock) {
        DemoOutlet store = new DemoOutlet(base, clock);
        for (OutletRuntime terminal : store.terminals()) {
            terminal.startSync();
            terminal.startHousekeeping();
        }
        store.storeServerFollower.startHousekeeping(store.storeServerOrders.retentionPurges()
                .toArray(Retention.Purge[]::new));
        return store;
    }

    private OutletRuntime open(Settings settings, Path folder, Clock clock) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo folder " + folder, e);
        }
        if (ManagerPin.load(folder).isEmpty()) {
            ManagerPin.set(folder, DEMO_PIN.toCharArray());
        }
        OutletRuntime runtime = OutletRuntime.open(settings.withDataDir(folder), clock);
        opened.add(runtime);
        return runtime;
    }

    public OutletRuntime kiosk() {
        return kiosk;
    }

    /** The kitchen's station: every dish but the drinks. */
    public OutletRuntime kitchen() {
        return kitchen;
    }

    /**
     * The demo cooks' own terminal at one of the kitchen's screens (made on first use, never on screen,
     * with the screen's settings and a store of its own): their taps reach the store server, and every
     * screen, the way a second screen's would.
     */
    synchronized OutletRuntime handsAt(String screen, OutletRuntime at) {
        return hands.computeIfAbsent(screen, name -> open(at.settings(), folder.resolve("cooks").resolve(name), clock));
    }

    /** The lunch-rush button's: a burst of orders, and the demo's cooks working through them. */
    public LunchRush lunchRush() {
        return lunchRush;
    }

    /** The drinks bar's station. */
    public OutletRuntime bar() {
        return bar;
    }

    /** The expo: whole orders, each station's progress, bumped to ready and served. */
    public OutletRuntime expo() {
        return expo;
    }

    /** The customers' pickup screen. */
    public OutletRuntime pickup() {
        return pickup;
    }

    private List<OutletRuntime> terminals() {
        return List.of(kiosk, kitchen, bar, expo, pickup);
    }

    public OrderBook centralOrders() {
        return orders;
    }

    public StoreServerOrders storeServerOrders() {
        return storeServerOrders;
    }

    public boolean isInternetUp() {
        return central != null;
    }

    /** Central goes away for everyone, as when the store's internet drops. */
    public synchronized void cutInternet() {
        if (central != null) {
            LOG.info("demo: internet cut, central backend stopped");
            central.close();
            central = null;
        }
    }

    /** Central comes back on the same address, with the same menu and orders. */
    public synchronized void restoreInternet() {
        if (central == null) {
            central = new ReferenceBackend(menu, orders, ReferenceBackend.Options.loopback().withPort(centralPort))
                    .start();
            LOG.info("demo: internet back, central backend on {}", central.baseUri());
        }
    }

    @Override
    public synchronized void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing the demo store: {}", e.getMessage());
            }
        }
        if (central != null) {
            central.close();
        }
    }
}
