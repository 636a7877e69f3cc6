-- Speed of service: when each order was placed, ready, served or cancelled, and when each kitchen station
-- finished its part, first time wins. One row per order under every key it is known by (like orders_seen):
-- a row heard of under a local id that later learns its central id stays one row. Kept apart from
-- orders_seen, whose closed rows go at retention by their last change, and which records no times.
CREATE TABLE service_times (
    ref             INTEGER PRIMARY KEY AUTOINCREMENT,
    central_id      INTEGER UNIQUE,
    local_id        INTEGER UNIQUE,
    client_order_id TEXT    UNIQUE,
    placed_at       INTEGER NOT NULL,
    -- 1 while placed_at is only when this terminal first heard of the order (it came without a time)
    placed_guessed  INTEGER NOT NULL DEFAULT 0,
    -- the furthest status known; with no ready_at beyond 'preparing' it says the ready time is unknown
    status          TEXT    NOT NULL,
    ready_at        INTEGER,
    served_at       INTEGER,
    cancelled_at    INTEGER
);
CREATE INDEX service_times_by_placed ON service_times (placed_at);

-- A station's part of an order: a row once the ticket is at the station, done_at once its cook tapped it done.
CREATE TABLE service_station_times (
    ref     INTEGER NOT NULL,
    station TEXT    NOT NULL,
    done_at INTEGER,
    PRIMARY KEY (ref, station)
);
