-- The kiosk's reference ("K2-0007") beside central's number. Served as the order's order_number (the
-- number every screen of the store calls a kiosk order by); central's number stays in order_number.
ALTER TABLE local_orders ADD COLUMN reference TEXT;
