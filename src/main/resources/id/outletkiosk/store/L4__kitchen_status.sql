-- The kitchen's last word per outlet (open, busy with a wait, paused), so a store server restarted
-- mid-rush still tells every screen that joins. One row per outlet; no row: open.
CREATE TABLE kitchen_status (
    outlet_id INTEGER PRIMARY KEY,
    status TEXT NOT NULL,
    wait_minutes INTEGER,
    changed_at TEXT,
    changed_by TEXT
);
