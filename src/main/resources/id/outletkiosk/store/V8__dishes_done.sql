-- Prep stations: the dishes of an order tapped done, as the store server last said (a JSON list of line
-- numbers; null while no store server said), and the outbox's third kind, 'dishes': a cook's tap on a
-- station screen, written first and sent to the store server (where dish progress lives) until it has it.
ALTER TABLE orders_seen ADD COLUMN dishes_done TEXT;
ALTER TABLE outbox ADD COLUMN dish_lines TEXT;
ALTER TABLE outbox ADD COLUMN dishes_done INTEGER;
ALTER TABLE outbox ADD COLUMN station TEXT;
