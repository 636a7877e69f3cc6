-- Prep stations (an extension of ours). dishes_done: the lines of an order its cooks tapped done, a JSON
-- list of line numbers, kept with the order so every screen of the store agrees and a restart loses
-- nothing. stations: what each station screen cooks, so the expo can say "bar done, kitchen 2/3".
ALTER TABLE local_orders ADD COLUMN dishes_done TEXT;
CREATE TABLE stations (
    outlet_id     INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    categories    TEXT    NOT NULL,
    registered_at INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, name)
);
