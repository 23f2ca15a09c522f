-- Delivery keys may now be dated, '<12 hex digits of ms>:<SHA-256 hex>' (events.DeliveryKey), so that the unique
-- index takes new keys at its end instead of at a random leaf. Keys stored before stay as they are: the bare digest,
-- which is still the undated form. The setting below (the first sequence number after them) tells the event log
-- that this database holds such keys, so that it looks a dated key's bare digest up too, and a late re-delivery of
-- an event stored before this migration is still recognised. A new, empty database gets no setting.
ALTER TABLE event_log ALTER COLUMN delivery_key SET DATA TYPE VARCHAR(80);
INSERT INTO setting (setting_name, setting_value)
    SELECT 'event_log.dated_keys_from_seq', CAST(MAX(seq) + 1 AS VARCHAR(20)) FROM event_log HAVING COUNT(*) > 0;
