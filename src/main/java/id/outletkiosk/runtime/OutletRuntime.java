package id.outletkiosk.runtime;

import id.outletkiosk.api.BackendClient;
import id.outletkiosk.api.MasterDataClient;
import id.outletkiosk.api.MasterDataDecoder;
import id.outletkiosk.config.Setting;
import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.config.Role;
import id.outletkiosk.config.Settings;
import id.outletkiosk.store.OrderLedger;
import id.outletkiosk.store.Outbox;
import id.outletkiosk.health.Alert;
import id.outletkiosk.health.HealthAlerts;
import id.outletkiosk.model.FeedMode;
import id.outletkiosk.model.OutboxStatus;
import id.outletkiosk.model.StoreDisk;
import id.outletkiosk.security.Tls;
import id.outletkiosk.model.SpeedOfService;
import id.outletkiosk.store.ServiceTimes;
import id.outletkiosk.sync.ModeTimes;
import id.outletkiosk.sync.ServiceClock;
import java.time.LocalDate;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.sync.OrderStatusDesk;
import id.outletkiosk.api.CentralKitchenStatus;
import id.outletkiosk.store.WantedKitchenStatus;
import id.outletkiosk.sync.KitchenStatusDesk;
import id.outletkiosk.sync.OutboxSender;
import id.outletkiosk.sync.FeedEndpoints;
import id.outletkiosk.sync.RealtimeFeed;
import java.time.ZoneId;
import id.outletkiosk.server.ReferenceBackend;
import id.outletkiosk.store.CatalogStore;
import id.outletkiosk.store.Retention;
import id.outletkiosk.sync.DaemonThreads;
import java.util.List;
import java.util.Optional;
import id.outletkiosk.store.Database;
import id.outletkiosk.store.MasterDataStore;
import id.outletkiosk.sync.Backoff;
import id.outletkiosk.sync.StationDesk;
import id.outletkiosk.sync.HealthReporter;
import id.outletkiosk.sync.MasterDataSync;
import id.outletkiosk.sync.SyncScheduler;
import id.outletkiosk.sync.SyncStatusTracker;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one running outlet terminal wired together: store, backend client, sync and its
 * schedule, and in demo mode the in-process reference backend. The CLI commands and the desktop app's
 * role roots ({@code ui.app}) take what they need from here, and the roots hand each screen only its
 * narrow part; {@link #close()} releases everything.
 */
public final class OutletRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutletRuntime.class);

    private final Settings settings;
    private final Wiring wiring;
    private final ReferenceBackend demoBackend;
    private final Database database;
    private final MasterDataStore masterData;
    private final CatalogStore catalog;
    private final SyncStatusTracker syncStatus;
    private final BackendClient backendClient;
    private final MasterDataSync sync;
    private final SyncScheduler scheduler;
    private final Clock clock;
    private final OrderLedger ledger;
    private final OrderServerConnections orderServers;
    private RealtimeFeed feed;
    private ModeTimes modeTimes;
    private java.util.concurrent.ScheduledExecutorService housekeeping;
    private Instant feedStartedAt;
    private final Outbox outbox;
    private OutboxSender outboxSender;
    private OrderDesk orderDesk;
    private OrderStatusDesk statusDesk;
    private StationDesk stationDesk;
    private KitchenStatusDesk kitchenStatusDesk;
    private HealthReporter healthReporter;
    private final ServiceTimes serviceTimes;
    private ServiceClock serviceClock;

    private OutletRuntime(Settings configured, ReferenceBackend demoBackend, Wiring wiring) {
        this.demoBackend = demoBackend;
        this.settings = demoBackend == null ? configured : configured.withBackend(demoBackend.baseUri());
        this.wiring = wiring;
        this.clock = wiring.clock();
        this.database = Database.open(settings.storeFile());
        this.masterData = new MasterDataStore(database);
        this.catalog = new CatalogStore(database);
        this.syncStatus = SyncStatusTracker.fromStore(masterData, settings.outdatedAfter());
        Tls centralTls = BackendClient.centralTls(settings);
        Tls storeTls = BackendClient.storeTls(settings);
        if (settings.hasBackend()) {
            this.backendClient = new BackendClient(settings, centralTls);
            this.sync = new MasterDataSync(new MasterDataClient(backendClient,
                    new MasterDataDecoder(BackendClient.outletZone())), masterData, syncStatus, clock);
            this.scheduler = new SyncScheduler(sync, wiring.schedulers().apply("master-data-sync"),
                    Backoff.forMenuSync(wiring.jitter()), settings.refreshInterval(), clock);
        } else {
            this.backendClient = null;
            this.sync = null;
            this.scheduler = null;
        }
        this.ledger = new OrderLedger(database, clock);
        this.orderServers = new OrderServerConnections(settings, centralTls, storeTls);
        this.outbox = new Outbox(database, clock, settings.kiosk().terminal());
        this.serviceTimes = new ServiceTimes(database);
    }

    /** The central and local order endpoints this terminal is configured with. */
    public FeedEndpoints feedEndpoints() {
        return orderServers.endpoints(clock.getZone());
    }

    /** Starts the realtime order feed (once); listeners hear every event after they are added. */
    public synchronized RealtimeFeed startFeed() {
        if (feed == null) {
            feed = new RealtimeFeed(feedEndpoints(), settings.feedTimings(), orderServers.connectPatience(), ledger,
                    clock, Backoff.forClimbingBack(wiring.jitter()));
            modeTimes = new ModeTimes(clock, feed.status().mode());
            feed.addListener(modeTimes);
            feed.addListener(serviceClock());
            feedStartedAt = clock.instant();
            if (settings.role() == Role.KITCHEN && !(settings.kitchen().duty() instanceof KitchenDuty.WholeOrders)) {
                feed.followDishes(); // a station or the expo: dish progress lives on the store server
            }
            feed.start();
        }
        return feed;
    }

    /**
     * Starts (once, with the feed) telling the store server this terminal's health, every
     * health-report-interval and on each transport change; nothing without a store server.
     */
    public synchronized void startHealthReports() {
        FeedEndpoints endpoints = feedEndpoints();
        if (healthReporter == null && endpoints.local() != null) {
            RealtimeFeed heard = startFeed();
            healthReporter = new HealthReporter(endpoints.local(), settings.outlet(),
                    () -> Reports.terminalReport(this, heard.status()), settings.get(Setting.HEALTH_REPORT_INTERVAL),
                    wiring.schedulers().apply("health-report"), clock);
            heard.addListener(healthReporter);
            healthReporter.start();
        }
    }

    /** Time per transport today, once the feed started; empty before. */
    public synchronized Optional<ModeTimes> modeTimes() {
        return Optional.ofNullable(modeTimes);
    }

    /**
     * The manager's alerts now, over this terminal's thresholds and zone: the menu's age, the outbox, and,
     * once the feed runs, silence counted from when it started listening.
     */
    public List<Alert> alerts(OutboxStatus outboxStatus) {
        Instant now = clock.instant();
        RealtimeFeed listening;
        Instant since;
        ModeTimes modes;
        synchronized (this) {
            listening = feed;
            since = feedStartedAt == null ? now : feedStartedAt;
            modes = modeTimes;
        }
        // head office can only be missed when there is one to reach
        Instant centralLost = modes == null || !settings.hasBackend() ? null : modes.offSince(FeedMode.ONLINE);
        return HealthAlerts.of(settings, clock.getZone()).check(syncStatus.current(), outboxStatus,
                listening == null ? null : listening.status(), since, now,
                new HealthAlerts.Conditions(centralLost, database.disk()));
    }

    /** Whether the local store can take writes now (a full disk cannot keep an order). */
    public StoreDisk storeDisk() {
        return database.disk();
    }

    public OrderLedger ledger() {
        return ledger;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The sender of the outbox, started on first use: it keeps retrying while anything waits. */
    public synchronized OutboxSender outboxSender() {
        if (outboxSender == null) {
            FeedEndpoints endpoints = feedEndpoints();
            outboxSender = new OutboxSender(outbox, endpoints.central(), endpoints.local(), ledger,
                    wiring.schedulers().apply("outbox-sender"), Backoff.forOutbox(wiring.jitter()));
            outboxSender.start();
        }
        return outboxSender;
    }

    /** Where orders are placed: priced from the local menu, written to the outbox, then sent. */
    public synchronized OrderDesk orderDesk() {
        if (orderDesk == null) {
            orderDesk = new OrderDesk(catalog, masterData, outbox, outboxSender(), settings.outlet(), clock);
        }
        return orderDesk;
    }

    /** Where status changes are made (a cook's bump, {@code order-status}): durable, then sent by the outbox. */
    public synchronized OrderStatusDesk statusDesk() {
        if (statusDesk == null) {
            statusDesk = new OrderStatusDesk(outbox, ledger, outboxSender(), serviceClock());
        }
        return statusDesk;
    }

    /** Where a station screen's dish taps are made: durable, then sent by the outbox to the store server. */
    public synchronized StationDesk stationDesk() {
        if (stationDesk == null) {
            stationDesk = new StationDesk(outbox, ledger, outboxSender(), statusDesk(), feedEndpoints().local(),
                    settings.outlet());
        }
        return stationDesk;
    }

    /**
     * Where the kitchen sets open / busy / paused, started on first use: kept here, sent to the store
     * server and, when {@code central-kitchen-status-path} names a route, to central; retried until held.
     */
    public synchronized KitchenStatusDesk kitchenStatusDesk() {
        if (kitchenStatusDesk == null) {
            FeedEndpoints endpoints = feedEndpoints();
            kitchenStatusDesk = new KitchenStatusDesk(new WantedKitchenStatus(database),
                    endpoints.local() == null ? null : endpoints.local().kitchenStatus(),
                    new CentralKitchenStatus(orderServers.central(), settings.get(Setting.CENTRAL_KITCHEN_STATUS_PATH)),
                    settings.outlet(), settings.kiosk().terminal(), clock, wiring.schedulers().apply("kitchen-status"),
                    Backoff.forOutbox(wiring.jitter()));
            kitchenStatusDesk.start();
        }
        return kitchenStatusDesk;
    }

    /** The speed-of-service times; written by {@link #serviceClock()} as orders move. */
    public ServiceTimes serviceTimes() {
        return serviceTimes;
    }

    /**
     * What keeps the speed-of-service times (started on first use): it hears the feed and the status desk;
     * station screens tell it when a station's part is done.
     */
    public synchronized ServiceClock serviceClock() {
        if (serviceClock == null) {
            serviceClock = ServiceClock.start(serviceTimes, clock);
        }
        return serviceClock;
    }

    /**
     * Speed of service on a local day (in the clock's zone, the outlet's), for the whole kitchen and each
     * station, late after the kitchen's {@code ticket-late-after}. Reads the store: off the FX thread.
     */
    public SpeedOfService.Report speedOfService(LocalDate day) {
        ZoneId zone = clock.getZone();
        return SpeedOfService.report(serviceTimes.placedOn(day, zone), day, zone, settings.kitchen().lateAfter(),
                clock.instant());
    }

    /** Store and, when a backend is configured, sync; nothing started yet. */
    public static OutletRuntime open(Settings settings, Clock clock) {
        return open(settings, Wiring.real(clock));
    }

    /** {@link #open(Settings, Clock)} with the timers and jitter a test decides. */
    public static OutletRuntime open(Settings settings, Wiring wiring) {
        return new OutletRuntime(settings, null, wiring);
    }

    /**
     * With no backend configured, starts the reference backend with the demo menu in-process and
     * uses it, so a fresh machine shows a working menu.
     */
    public static OutletRuntime openWithDemoFallback(Settings settings, Clock clock) {
        if (settings.hasBackend()) {
            return open(settings, clock);
        }
        LOG.info("no backend configured: starting the demo backend in-process");
        ReferenceBackend backend = ReferenceBackend.startDemo(ReferenceBackend.Options.loopback(), clock);
        try {
            return new OutletRuntime(settings, backend, Wiring.real(clock));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * Purges old closed orders now and then once a day, on a daemon thread, until closed: the outbox's
     * sent and discarded orders, the closed orders this terminal heard of, and whatever {@code more}
     * names (the store server's own orders, where this runtime follows for one).
     */
    public synchronized void startHousekeeping(Retention.Purge... more) {
        if (housekeeping == null) {
            List<Retention.Purge> purges = new java.util.ArrayList<>(List.of(
                    new Retention.Purge("outbox orders", outbox::purgeClosedBefore),
                    new Retention.Purge("orders heard of", ledger::purgeClosedBefore),
                    new Retention.Purge("service times", serviceTimes::purgePlacedBefore)));
            purges.addAll(List.of(more));
            Retention retention = new Retention(settings.retention(), clock, purges);
            housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    DaemonThreads.named("retention"));
            housekeeping.scheduleWithFixedDelay(retention::purge, 0, 1, java.util.concurrent.TimeUnit.DAYS);
        }
    }

    /** Starts the sync schedule: a round now, then every refresh interval. */
    public void startSync() {
        if (scheduler != null) {
            scheduler.start();
        }
    }

    public Settings settings() {
        return settings;
    }

    public boolean isDemo() {
        return demoBackend != null;
    }

    public Clock clock() {
        return clock;
    }

    public MasterDataStore masterData() {
        return masterData;
    }

    public CatalogStore catalog() {
        return catalog;
    }

    public SyncStatusTracker syncStatus() {
        return syncStatus;
    }

    /** The menu sync; empty when no backend is configured. */
    public Optional<MasterDataSync> sync() {
        return Optional.ofNullable(sync);
    }

    /** The menu sync's schedule; empty when no backend is configured. */
    public Optional<SyncScheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (housekeeping != null) {
                housekeeping.shutdownNow();
            }
            if (healthReporter != null) {
                healthReporter.close();
            }
            if (feed != null) {
                feed.close();
            }
            if (outboxSender != null) {
                outboxSender.close();
            }
            if (kitchenStatusDesk != null) {
                kitchenStatusDesk.close();
            }
            if (serviceClock != null) {
                serviceClock.close(); // after the feed and the desk's sender: nothing more to hear
            }
        }
        serviceTimes.close();
        ledger.close();
        outbox.close();
        orderServers.close();
        if (scheduler != null) {
            scheduler.close();
        }
        if (backendClient != null) {
            backendClient.close();
        }
        if (demoBackend != null) {
            demoBackend.close();
        }
    }
}
