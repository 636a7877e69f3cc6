-- Whether central itself told this terminal how the order closed. A screen may learn that an order was
-- served from the store server while central cancelled it meanwhile; until central's word arrives, the
-- order's central list is re-read like an open order's. Orders closed before this version count as settled.
ALTER TABLE orders_seen ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;
UPDATE orders_seen SET settled = 1 WHERE status IN ('completed', 'cancelled');
