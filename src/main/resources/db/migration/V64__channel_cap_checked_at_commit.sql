-- The cap of active releases per channel (PREFLIGHT_MAX_ACTIVE_RELEASES) is exact only if starts
-- in one channel are counted one at a time. Taken by the application, that lock was held across
-- the application's last round trips and its commit, so a busy channel's starts queued behind the
-- scheduling of other threads (about 100 starts a second in the benchmark). Checked here, as the
-- start commits, the lock is held only inside PostgreSQL: for the count and the commit itself.
-- The start sets the cap for its transaction (preflight.max_active_releases); rows written
-- without it (tests, manual fixes) are not counted.
CREATE FUNCTION deployment_channel_cap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cap INT := NULLIF(current_setting('preflight.max_active_releases', true), '')::INT;
BEGIN
    IF cap IS NULL OR NEW.status NOT IN ('IN_PROGRESS', 'SHIPPED') THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('release-start:' || NEW.channel_id));
    -- counts no further than one past the cap, however many releases are active
    IF (SELECT count(*) FROM (SELECT 1 FROM deployment
                                WHERE channel_id = NEW.channel_id AND status IN ('IN_PROGRESS', 'SHIPPED')
                                LIMIT cap + 1) active) > cap THEN
        RAISE EXCEPTION USING ERRCODE = 'PF001',
            MESSAGE = 'channel ' || NEW.channel_id || ' already has ' || cap || ' active releases';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER deployment_channel_cap AFTER INSERT ON deployment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION deployment_channel_cap();
