package id.outletkiosk.ui.kitchen;

import id.outletkiosk.config.KitchenDuty;
import id.outletkiosk.model.Category;
import id.outletkiosk.model.DishesDone;
import id.outletkiosk.model.KitchenStation;
import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one kitchen display sees an order, by its duty ({@code station} setting): the whole order (one
 * kitchen, one screen), a prep station's dishes only (the drinks bar sees the drinks; an order with
 * nothing for it, or with its dishes all done, is not on its screen), or the expo's whole order with
 * each station's progress. The dishes' categories come from this terminal's menu; the stations, for the
 * expo, from the store server (each station screen announces what it cooks). On the FX thread.
 */
public final class StationLens {
    /** One station's share of an order on the expo: "Minuman 1/1", "Makanan 2/3". */
    public record Progress(String station, int done, int total) {
        public boolean finished() {
            return done == total;
        }
    }

    /** The name the expo gives dishes no station announced: the whole-order kitchen's. */
    public static final String KITCHEN = "";

    private final KitchenDuty duty;
    private Map<Long, Category> categoryOfProduct = Map.of();
    /**
     * The products this station cooks, resolved once per menu: matching a category by its name (any case)
     * on every line of every ticket on every change was a sixth of a station's time.
     */
    private Set<Long> productsCooked = Set.of();
    private List<KitchenStation> stations = List.of();
    /** Counts the menus given, so what was worked out from an earlier one ({@link AllDayCounts}) is known stale. */
    private int menuVersion;

    public StationLens(KitchenDuty duty) {
        this.duty = duty;
    }

    public static StationLens wholeOrders() {
        return new StationLens(KitchenDuty.WHOLE_ORDERS);
    }

    public boolean isStation() {
        return duty instanceof KitchenDuty.Station;
    }

    public boolean isExpo() {
        return duty instanceof KitchenDuty.Expo;
    }

    /** The station's name as its setting gives it ("Minuman"); empty for a whole-order screen or the expo. */
    public String stationName() {
        return duty instanceof KitchenDuty.Station station ? station.name() : "";
    }

    /** The menu's categories by product id, read off the FX thread (at start, and when the menu changes). */
    public void setMenu(Map<Long, Category> byProduct) {
        this.categoryOfProduct = Map.copyOf(byProduct);
        Set<Long> cooked = new HashSet<>();
        byProduct.forEach((product, category) -> {
            if (cooks(category)) {
                cooked.add(product);
            }
        });
        this.productsCooked = Set.copyOf(cooked);
        menuVersion++;
    }

    /** How many menus this lens was given: changes whenever {@link #linesFor} may answer differently. */
    int menuVersion() {
        return menuVersion;
    }

    /** The store's stations as the store server knows them (the expo groups dishes by them). */
    public void setStations(List<KitchenStation> known) {
        this.stations = List.copyOf(known);
    }

    /** The lines of the order this screen cooks: a station's own, else all of them. */
    public List<Integer> linesFor(Order order) {
        List<Integer> lines = new ArrayList<>();
        for (int line = 0; line < order.items().size(); line++) {
            if (!isStation() || productsCooked.contains(order.items().get(line).productId())) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** True when the order belongs on this screen now: a station shows it while its own dishes are not all done. */
    public boolean shows(Order order) {
        if (!isStation()) {
            return true;
        }
        List<Integer> mine = linesFor(order);
        return !mine.isEmpty() && !dishesDone(order).allOf(mine);
    }

    /** The step a tap on the ticket's button makes: the expo goes straight to ready, then served. */
    public OrderStatus nextStatus(OrderStatus status) {
        if (isExpo() && status.isBefore(OrderStatus.READY)) {
            return OrderStatus.READY;
        }
        return status.next();
    }

    /**
     * Each station's share of the order, in the order the stations are named, dishes no station cooks
     * last (as {@link #KITCHEN}): what the expo shows under the ticket's number.
     */
    public List<Progress> progress(Order order) {
        DishesDone done = dishesDone(order);
        Map<String, int[]> byStation = new LinkedHashMap<>();
        stations.forEach(station -> byStation.put(station.name(), new int[2]));
        for (int line = 0; line < order.items().size(); line++) {
            Category category = categoryOfProduct.get(order.items().get(line).productId());
            String station = stationOf(category);
            int[] counts = byStation.computeIfAbsent(station, name -> new int[2]);
            counts[1]++;
            if (done.isDone(line)) {
                counts[0]++;
            }
        }
        List<Progress> progress = new ArrayList<>();
        byStation.forEach((name, counts) -> {
            if (counts[1] > 0) {
                progress.add(new Progress(name, counts[0], counts[1]));
            }
        });
        progress.sort((a, b) -> Boolean.compare(a.station().equals(KITCHEN), b.station().equals(KITCHEN)));
        return progress;
    }

    /**
     * The stations with dishes of this order to cook, for speed of service: this station (when the order
     * is on its screen), or on the expo each announced station with a share of it.
     */
    public List<String> stationsCooking(Order order) {
        if (isStation()) {
            return List.of(stationName());
        }
        if (!isExpo()) {
            return List.of();
        }
        return progress(order).stream().map(Progress::station).filter(station -> !station.equals(KITCHEN)).toList();
    }

    /** On the expo: the announced stations whose share of the order was not done before and is now. */
    public List<String> stationsFinished(Order before, Order now) {
        if (!isExpo()) {
            return List.of();
        }
        List<String> wasDone = progress(before).stream().filter(Progress::finished).map(Progress::station).toList();
        return progress(now).stream().filter(Progress::finished).map(Progress::station)
                .filter(station -> !station.equals(KITCHEN) && !wasDone.contains(station)).toList();
    }

    /** This station as the store server should know it: its name and the ids of the categories it cooks. */
    public KitchenStation asStation(List<Category> menu) {
        return duty instanceof KitchenDuty.Station station ? station.resolve(menu)
                : new KitchenStation(stationName(), List.of());
    }

    /** The categories the setting names that the menu does not have (a typo the manager must see). */
    public List<String> unknownCategories(List<Category> menu) {
        return duty instanceof KitchenDuty.Station station ? station.unknownIn(menu) : List.of();
    }

    static DishesDone dishesDone(Order order) {
        return order.dishesDone() == null ? DishesDone.NONE : order.dishesDone();
    }

    private String stationOf(Category category) {
        for (KitchenStation station : stations) {
            if (category != null && station.cooks(category.id())) {
                return station.name();
            }
        }
        return KITCHEN;
    }

    private boolean cooks(Category category) {
        return duty instanceof KitchenDuty.Station station && station.cooks(category);
    }
}
