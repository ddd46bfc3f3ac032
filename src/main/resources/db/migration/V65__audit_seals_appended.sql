-- Sealing updated every event once it had committed: a second version of each row, new entries in
-- its indexes, a dead tuple for vacuum, and a search for unsealed events that walked the dead
-- entries of a busy release; on a hot release it became most of PostgreSQL's work per click
-- (bench/README.md). A seal is now a row of its own, appended, and an event row is written once
-- and never changed. The chain itself is unchanged: same positions, hashes and field encoding,
-- now computed by the application (preflight.deployment.ChainHash), which the report checks with.

-- The transaction that wrote the event. A sealing round looks only at events written by
-- transactions that had not all finished when the previous round began (the horizon below).
ALTER TABLE deployment_event ADD COLUMN written_by xid8;
ALTER TABLE deployment_event ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();

CREATE TABLE deployment_event_seal (
    deployment_id BIGINT NOT NULL,
    seq           INT    NOT NULL,
    event_id      BIGINT NOT NULL UNIQUE,
    prev_hash     TEXT   NOT NULL,
    hash          TEXT   NOT NULL,
    PRIMARY KEY (deployment_id, seq)
);

-- Events written before this migration: sealed the old way, then their seals moved.
SELECT seal_release_events(deployment_id)
  FROM (SELECT DISTINCT deployment_id FROM deployment_event WHERE hash IS NULL) unsealed;
INSERT INTO deployment_event_seal (deployment_id, seq, event_id, prev_hash, hash)
SELECT deployment_id, seq, id, prev_hash, hash FROM deployment_event;

DROP FUNCTION seal_release_events(BIGINT);
DROP INDEX deployment_event_unsealed;
DROP INDEX deployment_event_chain_position;
ALTER TABLE deployment_event DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash;

CREATE INDEX deployment_event_written_by ON deployment_event (written_by);

-- Every event written by a transaction older than sealed_below is sealed. One row; its lock
-- makes sealing rounds (preflight.deployment.AuditTrail.seal), on any instance, take turns.
CREATE TABLE audit_seal_horizon (
    only_row     BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    sealed_below xid8    NOT NULL
);
INSERT INTO audit_seal_horizon (sealed_below) VALUES ('0');
