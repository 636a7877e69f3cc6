package id.outletkiosk.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One order's service times as this terminal recorded them: when it was placed and when it became ready,
 * was served or cancelled (null: not yet, or not known), and when each kitchen station did its part.
 *
 * @param orderKey the order's stable key: its client order id, else {@code c:<central id>}, else
 *                 {@code l:<store server id>}
 * @param furthest the furthest status known; a ready or served order without {@code readyAt} was first
 *                 heard of already there, so when it became ready is not known (it counts in no time)
 * @param stations the stations that had the ticket, by name, each with when it was done (null: not yet)
 */
public record TicketTimes(String orderKey, Instant placedAt, OrderStatus furthest, Instant readyAt,
        Instant servedAt, Instant cancelledAt, List<StationTime> stations) {

    /** A station's part of the order: done at, or null while it still cooks. */
    public record StationTime(String station, Instant doneAt) {
    }

    public TicketTimes {
        stations = stations == null ? List.of() : List.copyOf(stations);
    }

    public boolean cancelled() {
        return furthest == OrderStatus.CANCELLED || cancelledAt != null;
    }

    /** True while nobody said it is ready: it is still in the kitchen (not a ticket first heard of ready). */
    public boolean awaitingReady() {
        return readyAt == null && (furthest == OrderStatus.PENDING || furthest == OrderStatus.PREPARING);
    }

    /**
     * The ticket as one station saw it: ready when the station was done (or, if its cook never tapped it,
     * when the whole order was: an order is ready only once every station is); empty when the station
     * never had it.
     */
    public Optional<TicketTimes> atStation(String station) {
        return stations.stream().filter(part -> part.station().equals(station)).findFirst()
                .map(part -> new TicketTimes(orderKey, placedAt, furthest,
                        part.doneAt() != null ? part.doneAt() : readyAt, servedAt, cancelledAt, List.of(part)));
    }
}
