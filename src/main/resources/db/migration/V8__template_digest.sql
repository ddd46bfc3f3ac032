-- A digest of each release's template snapshot, kept by PostgreSQL itself: a checkbox click finds
-- the release's parsed checklist by it and never reads the snapshot (tens of kilobytes) again.
-- md5 is a cache key here, not a security measure.
ALTER TABLE deployment
    ADD COLUMN template_digest text GENERATED ALWAYS AS (md5(template_source)) STORED;
