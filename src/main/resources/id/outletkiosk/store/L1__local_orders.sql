-- The local sync server's orders: what kiosks posted while the backend was down, and what it heard
-- from the backend. id is this server's own id (the since_id of polling clients).
CREATE TABLE local_orders (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    outlet_id       INTEGER NOT NULL,
    central_id      INTEGER UNIQUE,
    client_order_id TEXT    UNIQUE,
    order_number    TEXT,
    status          TEXT    NOT NULL,
    customer_name   TEXT,
    items_json      TEXT    NOT NULL,
    total_amount    TEXT,
    created_at      TEXT,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX local_orders_by_outlet ON local_orders (outlet_id, id);
CREATE INDEX local_orders_closed ON local_orders (outlet_id, status, id);
