package id.outletkiosk.runtime;

import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.model.Product;
import id.outletkiosk.sync.DaemonThreads;
import id.outletkiosk.sync.OrderDesk;
import id.outletkiosk.sync.OrderStatusDesk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's lunch rush: a burst of orders a restaurant would recognise (a rice or noodle dish, mostly
 * with a drink, now and then a snack, a dessert or a note), placed on the demo's kiosk over a few minutes,
 * thickest in the middle; and the demo's cooks at a believable pace (the bar's drinks in under a
 * minute, the kitchen's food in a few), the expo handing ready orders over a little later. A visitor
 * sees tickets age, the stations fill and empty, the pickup screen move; and may tap along.
 */
public final class LunchRush implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LunchRush.class);

    /**
     * @param orders     how many orders the rush places
     * @param over       over how long
     * @param drinksTake how long the bar takes for an order's drinks
     * @param foodTake   how long the kitchen takes for an order's food
     * @param handedOver how long a ready order waits for its customer
     */
    public record Pace(int orders, Duration over, Duration drinksTake, Duration foodTake, Duration handedOver) {
        public static final Pace DEMO = new Pace(36, Duration.ofMinutes(4), Duration.ofSeconds(45),
                Duration.ofSeconds(150), Duration.ofSeconds(40));
    }

    private static final List<String> MAINS = List.of("Nasi", "Mie & Bakso", "Ayam & Bebek", "Sup & Soto");
    private static final List<String> NAMES = List.of("Budi", "Sari", "Andi", "Dewi", "Rina", "Agus", "Putri",
            "Wayan", "Siti", "Joko", "Maya", "Eko", "Lestari", "Rudi", "Intan", "Bayu");
    private static final List<String> NOTES = List.of("tidak pedas", "pedas sekali", "sambal dipisah", "tanpa es",
            "tanpa bawang", "es sedikit");

    private final DemoOutlet store;
    private volatile Pace pace;
    private final Random random;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("lunch-rush"));
    private final AtomicInteger placed = new AtomicInteger();
    /** What the demo's cooks did already, by screen and order: the screen may not have heard it yet. */
    private final java.util.Set<String> cooked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    LunchRush(DemoOutlet store, Random random, Clock clock) {
        this.store = store;
        this.pace = Pace.DEMO;
        this.random = random;
        this.clock = clock;
    }

    /** Starts the demo's rush (once at a time): orders at their times, the cooks every two seconds. */
    public void start() {
        start(Pace.DEMO);
    }

    /** A rush at another pace (a screenshot's, say); nothing while one runs. */
    public synchronized void start(Pace newPace) {
        if (running) {
            return;
        }
        running = true;
        pace = newPace;
        placed.set(0);
        long overMillis = pace.over().toMillis();
        for (int order = 0; order < pace.orders(); order++) {
            // two uniform draws: the orders come thickest in the middle of the rush, as at lunch
            long at = (long) ((random.nextDouble() + random.nextDouble()) / 2 * overMillis);
            scheduler.schedule(this::placeOne, at, TimeUnit.MILLISECONDS);
        }
        scheduler.schedule(() -> running = false, overMillis + pace.foodTake().plus(pace.handedOver()).toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::cook, 2, 2, TimeUnit.SECONDS);
        LOG.info("demo: lunch rush, {} orders over {}", pace.orders(), pace.over());
    }

    public boolean isRunning() {
        return running;
    }

    /** Orders placed so far in this rush. */
    public int placed() {
        return placed.get();
    }

    public int orders() {
        return pace.orders();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void placeOne() {
        try {
            store.kiosk().orderDesk().place(anOrder(), NAMES.get(random.nextInt(NAMES.size())));
            placed.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.warn("demo: a lunch-rush order could not be placed: {}", e.getMessage());
        }
    }

    /** A main dish, mostly a drink, sometimes a snack or a dessert; now and then a note. */
    private List<OrderDesk.CartLine> anOrder() {
        Map<String, List<Product>> menu = onSale();
        List<OrderDesk.CartLine> lines = new ArrayList<>();
        lines.add(line(menu, MAINS.get(random.nextInt(MAINS.size())), 1 + (random.nextInt(4) == 0 ? 1 : 0)));
        if (random.nextInt(10) < 7) {
            lines.add(line(menu, "Minuman", 1 + random.nextInt(2)));
        }
        if (random.nextInt(10) < 3) {
            lines.add(line(menu, random.nextBoolean() ? "Camilan" : "Sayur & Lauk", 1));
        }
        if (random.nextInt(10) < 2) {
            lines.add(line(menu, "Pencuci Mulut", 1));
        }
        return lines.stream().filter(java.util.Objects::nonNull).toList();
    }

    private Map<String, List<Product>> onSale() {
        Map<Long, String> categoryNames = new HashMap<>();
        store.kiosk().catalog().categories().forEach(category -> categoryNames.put(category.id(), category.name()));
        Map<String, List<Product>> byCategory = new HashMap<>();
        for (Product product : store.kiosk().catalog().allProducts()) {
            if (product.available() && product.active() && categoryNames.containsKey(product.categoryId())) {
                byCategory.computeIfAbsent(categoryNames.get(product.categoryId()), name -> new ArrayList<>())
                        .add(product);
            }
        }
        return byCategory;
    }

    private OrderDesk.CartLine line(Map<String, List<Product>> menu, String category, int quantity) {
        List<Product> dishes = menu.getOrDefault(category, List.of());
        if (dishes.isEmpty()) {
            return null;
        }
        String note = random.nextInt(5) == 0 ? NOTES.get(random.nextInt(NOTES.size())) : null;
        return new OrderDesk.CartLine(dishes.get(random.nextInt(dishes.size())).id(), quantity, note);
    }

    /** The demo's cooks: each station finishes its dishes of the orders that have waited long enough. */
    private void cook() {
        try {
            cookAt("bar", store.bar(), pace.drinksTake());
            cookAt("kitchen", store.kitchen(), pace.foodTake());
            handOver();
        } catch (RuntimeException e) {
            LOG.warn("demo: the lunch-rush cooks stumbled: {}", e.getMessage());
        }
    }

    /**
     * The orders on {@code station}'s screen that waited long enough get their dishes done by the demo's
     * cook there, through a terminal of their own (see {@link DemoOutlet#handsAt}); each once.
     */
    private void cookAt(String name, OutletRuntime station, Duration take) {
        if (!(station.settings().kitchen().duty() instanceof KitchenDuty.Station duty)) {
            return;
        }
        KitchenStation cooks = duty.resolve(station.catalog().categories());
        Map<Long, Long> categoryOf = new HashMap<>();
        station.catalog().allProducts().forEach(product -> categoryOf.put(product.id(), product.categoryId()));
        Instant now = clock.instant();
        for (Order order : station.ledger().openOrders(station.settings().outlet())) {
            if (order.createdAt() == null || order.createdAt().plus(take).isAfter(now)) {
                continue;
            }
            List<Integer> mine = new ArrayList<>();
            for (int line = 0; line < order.items().size(); line++) {
                boolean done = order.dishesDone() != null && order.dishesDone().isDone(line);
                if (!done && cooks.cooks(categoryOf.get(order.items().get(line).productId()))) {
                    mine.add(line);
                }
            }
            if (!mine.isEmpty() && cooked.add(name + " " + order.label())) {
                try {
                    store.handsAt(name, station).stationDesk().markDishes(order, mine, true, duty.name());
                } catch (OrderStatusDesk.ChangeRefused e) {
                    LOG.debug("demo: {} not cooked: {}", order.label(), e.getMessage());
                }
            }
        }
    }

    /** The expo hands over ready orders once their customers had time to come. */
    private void handOver() {
        OutletRuntime expo = store.expo();
        Instant now = clock.instant();
        Duration after = pace.foodTake().plus(pace.handedOver());
        for (Order order : expo.ledger().openOrders(expo.settings().outlet())) {
            if (order.status() == OrderStatus.READY && order.createdAt() != null
                    && !order.createdAt().plus(after).isAfter(now) && cooked.add("expo " + order.label())) {
                try {
                    store.handsAt("expo", expo).statusDesk().change(order, OrderStatus.COMPLETED);
                } catch (OrderStatusDesk.ChangeRefused e) {
                    LOG.debug("demo: {} not handed over: {}", order.label(), e.getMessage());
                }
            }
        }
    }
}
