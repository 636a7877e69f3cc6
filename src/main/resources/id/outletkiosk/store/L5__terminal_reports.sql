-- Terminal health reports (an extension of ours): each terminal of the store says every 15 s how it is
-- (transport, menu age, what waits, alerts), so the status page and /metrics see the whole store. Only
-- the newest report per terminal name and role is kept: a report is a snapshot, its history is not needed.
-- The role is part of the key because a kiosk and a kitchen left at the default name (K) are two terminals.
-- Instants are epoch milliseconds; received_at is the store server's clock, never the terminal's.
CREATE TABLE terminal_reports (
    terminal               TEXT    NOT NULL,
    role                   TEXT    NOT NULL,
    app_version            TEXT    NOT NULL,
    transport              TEXT    NOT NULL,
    transport_since        INTEGER NOT NULL,
    menu_version           INTEGER NOT NULL,
    menu_synced_at         INTEGER,
    orders_waiting         INTEGER NOT NULL,
    status_changes_waiting INTEGER NOT NULL,
    alerts                 TEXT    NOT NULL,
    received_at            INTEGER NOT NULL,
    PRIMARY KEY (terminal, role)
);
CREATE INDEX terminal_reports_received ON terminal_reports (received_at);
