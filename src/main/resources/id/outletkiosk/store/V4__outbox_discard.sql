-- A manager may discard an order central keeps refusing (or one nobody will ever collect): the row stays,
-- state 'discarded', with when and why, so the day's books can still explain the reference.
ALTER TABLE outbox ADD COLUMN discarded_at INTEGER;
ALTER TABLE outbox ADD COLUMN discard_reason TEXT;
