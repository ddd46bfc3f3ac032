-- Chaining each event inside the transaction that wrote it made every event of a release wait for
-- the previous one's commit (an advisory lock per release held to commit): every tick of a busy
-- release queued behind the one before (bench/README.md). Events are now written unsealed and
-- chained shortly after they commit, in the order they are sealed, by seal_release_events();
-- the report seals before it reads. A sealed event cannot be edited, removed or reordered
-- without breaking the chain.
DROP TRIGGER deployment_event_chain ON deployment_event;
DROP FUNCTION deployment_event_chain();

ALTER TABLE deployment_event
    ALTER COLUMN seq DROP NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL;

CREATE INDEX deployment_event_unsealed ON deployment_event (deployment_id, id) WHERE hash IS NULL;

-- Seals the release's committed, unsealed events after its last sealed one; one sealer per
-- release at a time (the advisory lock), so two never claim the same predecessor.
CREATE FUNCTION seal_release_events(release BIGINT) RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
    event     RECORD;
    last_seq  INT;
    last_hash TEXT;
    sealed    INT := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(60, (release % 2147483647)::int);
    SELECT e.seq, e.hash INTO last_seq, last_hash
      FROM deployment_event e WHERE e.deployment_id = release AND e.hash IS NOT NULL
     ORDER BY e.seq DESC LIMIT 1;
    last_seq := coalesce(last_seq, 0);
    last_hash := coalesce(last_hash, repeat('0', 64));
    FOR event IN SELECT * FROM deployment_event WHERE deployment_id = release AND hash IS NULL ORDER BY id LOOP
        last_seq := last_seq + 1;
        UPDATE deployment_event
           SET seq = last_seq, prev_hash = last_hash,
               hash = audit_event_hash(last_hash, event.deployment_id, last_seq, event.type, event.actor_id,
                                       event.actor_name, event.subject, event.detail, event.at)
         WHERE id = event.id
        RETURNING hash INTO last_hash;
        sealed := sealed + 1;
    END LOOP;
    RETURN sealed;
END
$$;
