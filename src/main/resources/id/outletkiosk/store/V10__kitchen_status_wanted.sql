-- The state this terminal's kitchen last set (open, busy, paused), kept until the store server (and
-- central, when it has a route for it) holds it: a board restarted before the store server came back
-- still sends it. One row: only the latest setting matters. 'version' grows with every setting, so a
-- late answer for an older one never marks the newer one sent.
CREATE TABLE kitchen_status_wanted (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    outlet_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    wait_minutes INTEGER,
    changed_at TEXT,
    changed_by TEXT,
    version INTEGER NOT NULL,
    store_server_has INTEGER NOT NULL DEFAULT 0,
    central_has INTEGER NOT NULL DEFAULT 0
);
