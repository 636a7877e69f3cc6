-- Status changes made at this terminal (a cook's bump, a cancel) join orders in the one durable queue:
-- written first, sent to central (else to the store server at once, and kept for central), replayed
-- oldest first with the orders. The table is rebuilt because SQLite cannot relax the NOT NULL of the
-- order-only columns; seq values and the reference counter are carried over unchanged.
CREATE TABLE outbox_v5 (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT    NOT NULL DEFAULT 'order',
    client_order_id  TEXT    UNIQUE,
    reference        TEXT,
    outlet_id        INTEGER NOT NULL,
    customer_name    TEXT,
    items_json       TEXT,
    promotions_json  TEXT,
    kiosk_total      TEXT,
    data_version     INTEGER,
    created_at       INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    local_copy       INTEGER NOT NULL DEFAULT 0,
    central_id       INTEGER,
    order_number     TEXT,
    server_total     TEXT,
    total_mismatch   INTEGER NOT NULL DEFAULT 0,
    sent_at          INTEGER,
    discarded_at     INTEGER,
    discard_reason   TEXT,
    -- kind 'status': the status asked for and every key the order was known by when it was asked
    target_status    TEXT,
    order_central_id INTEGER,
    order_local_id   INTEGER,
    order_client_id  TEXT,
    order_label      TEXT
);
INSERT INTO outbox_v5 (seq, kind, client_order_id, reference, outlet_id, customer_name, items_json, promotions_json,
        kiosk_total, data_version, created_at, state, attempts, last_error, local_copy, central_id, order_number,
        server_total, total_mismatch, sent_at, discarded_at, discard_reason)
    SELECT seq, 'order', client_order_id, reference, outlet_id, customer_name, items_json, promotions_json,
        kiosk_total, data_version, created_at, state, attempts, last_error, local_copy, central_id, order_number,
        server_total, total_mismatch, sent_at, discarded_at, discard_reason FROM outbox;
-- retention may have deleted the newest rows: the counter, not max(seq), says where references go on
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_v5', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox_v5');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0))
    WHERE name = 'outbox_v5';
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;
CREATE INDEX outbox_by_state ON outbox (state, seq);
