-- Every order this terminal has seen, under every key it is known by; the realtime feed's
-- de-duplication index and the kitchen board's memory across restarts.
CREATE TABLE orders_seen (
    ref             INTEGER PRIMARY KEY AUTOINCREMENT,
    outlet_id       INTEGER NOT NULL,
    central_id      INTEGER UNIQUE,
    local_id        INTEGER UNIQUE,
    client_order_id TEXT    UNIQUE,
    order_number    TEXT,
    status          TEXT    NOT NULL,
    customer_name   TEXT,
    items_json      TEXT    NOT NULL,
    total_amount    TEXT,
    created_at      INTEGER,
    seen_at         INTEGER NOT NULL,
    changed_at      INTEGER NOT NULL
);
CREATE INDEX orders_seen_open ON orders_seen (outlet_id, status);

-- How far each server's order list has been read (since_id), advanced only from complete lists.
CREATE TABLE feed_cursors (
    source  TEXT    PRIMARY KEY,
    last_id INTEGER NOT NULL
);
