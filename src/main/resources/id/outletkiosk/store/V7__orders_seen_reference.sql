-- The kiosk's reference ("K2-0007") beside central's number: the number the customer holds, which the
-- kitchen ticket and the pickup screen show. Kiosk orders heard of before this version have none.
ALTER TABLE orders_seen ADD COLUMN reference TEXT;
