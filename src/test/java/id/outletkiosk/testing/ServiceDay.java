package id.outletkiosk.testing;

import id.outletkiosk.model.Order;
import id.outletkiosk.model.OrderStatus;
import id.outletkiosk.store.ServiceTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * A scripted day of a kitchen with three stations (Grill, Wok, Drinks), written into {@link ServiceTimes} as
 * it would have been lived: orders from 10:00 every few minutes, a lunch rush from 11:45 to 13:00 when
 * the grill falls behind, one order in fifteen cancelled, those of the last six minutes still cooking at
 * {@code until}.
 * The same seed gives the same day; it says itself what it wrote, to check a screen against.
 */
public final class ServiceDay {
    public static final List<String> STATIONS = List.of("Grill", "Wok", "Drinks");
    private static final LocalTime OPEN = LocalTime.of(10, 0);

    /** What was written: tickets not cancelled, cancelled, late (ready more than 10 min after), late hours. */
    public record Written(int tickets, int cancelled, int late, TreeSet<Integer> lateHours) {
    }

    private ServiceDay() {
    }

    /** Writes the day up to {@code until} (a time of that day). */
    public static Written write(ServiceTimes times, LocalDate day, ZoneId zone, LocalTime until) {
        Random random = new Random(15);
        Instant end = day.atTime(until).atZone(zone).toInstant();
        Instant placed = day.atTime(OPEN).atZone(zone).toInstant();
        int tickets = 0;
        int cancelled = 0;
        int late = 0;
        TreeSet<Integer> lateHours = new TreeSet<>();
        // the orders of the last six minutes are still cooking at the end: late only some minutes after it
        Instant cookingFrom = end.minus(Duration.ofMinutes(6));
        for (long id = 1; placed.isBefore(end.minus(Duration.ofMinutes(1))); id++) {
            int hour = placed.atZone(zone).getHour();
            LocalTime at = placed.atZone(zone).toLocalTime();
            boolean rush = !at.isBefore(LocalTime.of(11, 45)) && at.isBefore(LocalTime.of(13, 0));
            // ids of their own each day: two scripted days in one store are two days of orders
            Order order = new Order(day.toEpochDay() * 1000 + id, null, day + "-" + id, null, 1, OrderStatus.PENDING,
                    List.of(), null, placed, null, null, null);
            times.orderSeen(order, placed);
            boolean stillCooking = !placed.isBefore(cookingFrom);
            if (id % 15 == 0) {
                times.statusReached(order, OrderStatus.CANCELLED, placed.plus(Duration.ofMinutes(2)));
                cancelled++;
            } else {
                tickets++;
                Instant ready = cook(times, order, random, rush, stillCooking);
                if (ready != null && Duration.between(placed, ready).compareTo(Duration.ofMinutes(10)) > 0) {
                    late++;
                    lateHours.add(hour);
                }
            }
            placed = placed.plus(Duration.ofSeconds((rush ? 60 : 180) + random.nextInt(rush ? 120 : 300)));
        }
        return new Written(tickets, cancelled, late, lateHours);
    }

    /** Each station of the order done, then ready and served; null when still cooking. */
    private static Instant cook(ServiceTimes times, Order order, Random random, boolean rush, boolean stillCooking) {
        Instant placed = order.createdAt();
        Instant ready = placed;
        for (String station : STATIONS) {
            if (!station.equals("Drinks") && random.nextInt(3) == 0 || station.equals("Drinks") && random.nextBoolean()) {
                continue; // this order has nothing for that station
            }
            times.stationHas(order, station, placed);
            int minutes = switch (station) {
                case "Grill" -> 6 + random.nextInt(rush ? 9 : 5);
                case "Wok" -> 4 + random.nextInt(rush ? 6 : 4);
                default -> 1 + random.nextInt(3);
            };
            Instant done = placed.plus(Duration.ofSeconds(minutes * 60L + random.nextInt(60)));
            if (!stillCooking) {
                times.stationDone(order, station, done);
            }
            ready = done.isAfter(ready) ? done : ready;
        }
        if (stillCooking) {
            return null;
        }
        ready = ready.plus(Duration.ofSeconds(20 + random.nextInt(40)));
        times.statusReached(order, OrderStatus.READY, ready);
        times.statusReached(order.withStatus(OrderStatus.READY), OrderStatus.COMPLETED,
                ready.plus(Duration.ofSeconds(60 + random.nextInt(180))));
        return ready;
    }
}
