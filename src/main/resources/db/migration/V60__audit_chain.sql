-- A hash chain over each release's audit events: every event carries the SHA-256 of the event
-- before it (prev_hash) and its own (hash), computed from its fields and prev_hash. Editing,
-- deleting or inserting a row after the fact breaks the chain, which the release report checks.
-- The hash is computed by a trigger, so every way an event is written (a tick's one-statement
-- insert included) is chained, in the same statement and transaction as the change.
ALTER TABLE deployment_event
    ADD COLUMN seq       INT,
    ADD COLUMN prev_hash TEXT,
    ADD COLUMN hash      TEXT;

-- One field of the hashed text: its length in bytes, a colon and the text; '-' for null. The
-- length prefix keeps "a|b" + "c" apart from "a" + "b|c". preflight.report.AuditChain computes
-- the same in Java: change both together.
CREATE FUNCTION audit_field(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value) || ':' || value END
$$;

CREATE FUNCTION audit_event_hash(prev_hash TEXT, deployment_id BIGINT, seq INT, type TEXT, actor_id TEXT,
                                 actor_name TEXT, subject TEXT, detail TEXT, at TIMESTAMPTZ)
    RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(
        prev_hash || audit_field(deployment_id::text) || audit_field(seq::text) || audit_field(type)
        || audit_field(actor_id) || audit_field(actor_name) || audit_field(subject) || audit_field(detail)
        || audit_field(((extract(epoch FROM at) * 1000000)::bigint)::text), 'UTF8')), 'hex')
$$;

-- Events of one release are chained one at a time: the transaction-scoped advisory lock per
-- release makes a concurrent event wait until this one commits, so two events never claim the
-- same predecessor. An advisory lock rather than a lock on the deployment row: sign-offs hold
-- that row FOR SHARE before they record their event, and two of them upgrading it would deadlock.
CREATE FUNCTION deployment_event_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    last_seq  INT;
    last_hash TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(60, (NEW.deployment_id % 2147483647)::int);
    SELECT e.seq, e.hash INTO last_seq, last_hash
      FROM deployment_event e WHERE e.deployment_id = NEW.deployment_id
     ORDER BY e.seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := audit_event_hash(NEW.prev_hash, NEW.deployment_id, NEW.seq, NEW.type, NEW.actor_id,
                                 NEW.actor_name, NEW.subject, NEW.detail, NEW.at);
    RETURN NEW;
END
$$;

-- Events recorded before the chain existed are chained in the order they were written.
DO $$
DECLARE
    event     RECORD;
    current   BIGINT := NULL;
    last_seq  INT;
    last_hash TEXT;
BEGIN
    FOR event IN SELECT * FROM deployment_event ORDER BY deployment_id, id LOOP
        IF current IS DISTINCT FROM event.deployment_id THEN
            current := event.deployment_id;
            last_seq := 0;
            last_hash := repeat('0', 64);
        END IF;
        last_seq := last_seq + 1;
        UPDATE deployment_event
           SET seq = last_seq, prev_hash = last_hash,
               hash = audit_event_hash(last_hash, event.deployment_id, last_seq, event.type, event.actor_id,
                                       event.actor_name, event.subject, event.detail, event.at)
         WHERE id = event.id
        RETURNING hash INTO last_hash;
    END LOOP;
END
$$;

ALTER TABLE deployment_event
    ALTER COLUMN seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;

CREATE UNIQUE INDEX deployment_event_chain_position ON deployment_event (deployment_id, seq);

CREATE TRIGGER deployment_event_chain BEFORE INSERT ON deployment_event
    FOR EACH ROW EXECUTE FUNCTION deployment_event_chain();
