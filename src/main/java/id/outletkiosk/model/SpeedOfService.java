package id.outletkiosk.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Speed of service for one local day: for the whole kitchen and for each station, per hour of placement
 * and for the day, how many tickets, how long from order to ready and to served (average and 90th
 * percentile), how many were late and how many cancelled.
 *
 * <ul>
 * <li>A ticket belongs to the day and hour in which it was placed (local time of {@code zone}).</li>
 * <li>{@code tickets} counts the orders placed and not cancelled; cancelled ones are counted apart and in
 * no time and no lateness: the customer never got them.</li>
 * <li>Times are taken over the tickets that reached that point (a ticket still cooking is not in "to ready"
 * yet); null when none did.</li>
 * <li>The 90th percentile is the nearest rank: with the n times sorted from shortest, the one at rank
 * ceil(0.9 n) (1-based). Nine tickets in ten were ready in that time or less, and it is always a time a
 * customer really waited, never an interpolation: of 10 tickets the 9th, of 5 the 5th, of 1 that one.</li>
 * <li>A ticket is late when it became ready more than {@code lateAfter} after it was placed (the
 * kitchen's red ticket), or is still not ready that long after, at {@code now}. A ticket first heard of
 * already ready, its ready time unknown, is never late.</li>
 * <li>At a station, ready means the station tapped its part done (or the whole order became ready).</li>
 * </ul>
 */
public final class SpeedOfService {
    /** One period's figures; the durations are null when no ticket reached that point. */
    public record Figures(int tickets, Duration averageToReady, Duration p90ToReady, Duration averageToServed,
            Duration p90ToServed, int late, int cancelled) {
    }

    /** An hour of the day (10 is 10:00 to 10:59) and the figures of the tickets placed in it. */
    public record Hour(int hour, Figures figures) {
    }

    /**
     * One day for the whole kitchen or one station.
     * @param station null for the whole kitchen
     */
    public record Day(String station, Figures total, List<Hour> hours) {
        public Day {
            hours = List.copyOf(hours);
        }
    }

    /** The day for the whole kitchen and each station that had a ticket (by name), as of {@code asOf}. */
    public record Report(LocalDate day, Duration lateAfter, Instant asOf, Day kitchen, List<Day> stations) {
        public Report {
            stations = List.copyOf(stations);
        }
    }

    private SpeedOfService() {
    }

    /** The report of {@code day} over every ticket given (those placed on other days are left out). */
    public static Report report(List<TicketTimes> tickets, LocalDate day, ZoneId zone, Duration lateAfter,
            Instant now) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<TicketTimes> ofDay = tickets.stream()
                .filter(ticket -> !ticket.placedAt().isBefore(from) && ticket.placedAt().isBefore(to)).toList();
        TreeSet<String> names = new TreeSet<>();
        ofDay.forEach(ticket -> ticket.stations().forEach(part -> names.add(part.station())));
        List<Day> stations = new ArrayList<>();
        for (String station : names) {
            stations.add(day(ofDay.stream().flatMap(ticket -> ticket.atStation(station).stream()).toList(), station,
                    zone, lateAfter, now));
        }
        return new Report(day, lateAfter, now, day(ofDay, null, zone, lateAfter, now), stations);
    }

    private static Day day(List<TicketTimes> tickets, String station, ZoneId zone, Duration lateAfter, Instant now) {
        Map<Integer, List<TicketTimes>> byHour = new TreeMap<>();
        for (TicketTimes ticket : tickets) {
            byHour.computeIfAbsent(ticket.placedAt().atZone(zone).getHour(), hour -> new ArrayList<>()).add(ticket);
        }
        List<Hour> hours = new ArrayList<>();
        byHour.forEach((hour, placed) -> hours.add(new Hour(hour, figures(placed, lateAfter, now))));
        return new Day(station, figures(tickets, lateAfter, now), hours);
    }

    /** The figures of some tickets (any period). */
    public static Figures figures(List<TicketTimes> tickets, Duration lateAfter, Instant now) {
        List<TicketTimes> served = tickets.stream().filter(ticket -> !ticket.cancelled()).toList();
        List<Duration> toReady = waits(served, TicketTimes::readyAt);
        List<Duration> toServed = waits(served, TicketTimes::servedAt);
        int late = (int) served.stream().filter(ticket -> isLate(ticket, lateAfter, now)).count();
        return new Figures(served.size(), average(toReady), p90(toReady), average(toServed), p90(toServed), late,
                tickets.size() - served.size());
    }

    static boolean isLate(TicketTimes ticket, Duration lateAfter, Instant now) {
        Instant due = ticket.placedAt().plus(lateAfter);
        if (ticket.readyAt() != null) {
            return ticket.readyAt().isAfter(due);
        }
        return ticket.awaitingReady() && now.isAfter(due);
    }

    private static List<Duration> waits(List<TicketTimes> tickets, Function<TicketTimes, Instant> until) {
        return tickets.stream().filter(ticket -> until.apply(ticket) != null)
                // a clock set back between two recordings must not give a negative wait
                .map(ticket -> max(Duration.ZERO, Duration.between(ticket.placedAt(), until.apply(ticket))))
                .sorted().toList();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration average(List<Duration> waits) {
        if (waits.isEmpty()) {
            return null;
        }
        return Duration.ofMillis(Math.round(waits.stream().mapToLong(Duration::toMillis).average().orElseThrow()));
    }

    /** Nearest rank over durations sorted from shortest: the one at rank ceil(0.9 n); null when none. */
    static Duration p90(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (9 * sorted.size() + 9) / 10; // ceil(0.9 n) in whole numbers: no rounding of 0.9 * n
        return sorted.get(rank - 1);
    }
}
