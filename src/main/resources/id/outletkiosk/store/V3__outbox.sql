-- Orders placed at this terminal, written before anything is sent: the customer's reference comes
-- from the same transaction. seq is the replay order and the reference number.
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    client_order_id TEXT    NOT NULL UNIQUE,
    reference       TEXT    NOT NULL,
    outlet_id       INTEGER NOT NULL,
    customer_name   TEXT,
    items_json      TEXT    NOT NULL,
    promotions_json TEXT    NOT NULL,
    kiosk_total     TEXT    NOT NULL,
    data_version    INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    local_copy      INTEGER NOT NULL DEFAULT 0,
    central_id      INTEGER,
    order_number    TEXT,
    server_total    TEXT,
    total_mismatch  INTEGER NOT NULL DEFAULT 0,
    sent_at         INTEGER
);
CREATE INDEX outbox_by_state ON outbox (state, seq);
