-- The cap of active releases per channel (PREFLIGHT_MAX_ACTIVE_RELEASES) counted starts one at a
-- time under a lock held through each commit (V64), so a burst of starts in one channel committed
-- one after another (about 300 a second here, whatever the number of clients; bench/README.md).
-- Instead, each active release holds one of the channel's places 0 … cap-1, and the partial unique
-- index below lets no two active releases hold the same place: a start takes a free place, and of
-- two starts that chose the same one at once, the second fails at its insert and starts again
-- (ReleaseService). Starts for different places never wait for each other. Exact as long as the
-- cap is not lowered: releases holding places above a lowered cap keep them until they close.
ALTER TABLE deployment ADD COLUMN cap_place INT;

UPDATE deployment d SET cap_place = p.place
  FROM (SELECT id, row_number() OVER (PARTITION BY channel_id ORDER BY started_at, id) - 1 AS place
          FROM deployment WHERE status IN ('IN_PROGRESS', 'SHIPPED')) p
 WHERE d.id = p.id;

CREATE UNIQUE INDEX deployment_cap_place ON deployment (channel_id, cap_place)
    WHERE status IN ('IN_PROGRESS', 'SHIPPED');

DROP TRIGGER deployment_channel_cap ON deployment;
DROP FUNCTION deployment_channel_cap();

-- The start sets the cap for its transaction (preflight.max_active_releases); rows written
-- without it (tests, manual fixes) take no place and are not refused.
CREATE FUNCTION deployment_take_cap_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cap    INT := NULLIF(current_setting('preflight.max_active_releases', true), '')::INT;
    taken  INT[];
    active INT;
    first  INT;
BEGIN
    IF cap IS NULL OR NEW.status NOT IN ('IN_PROGRESS', 'SHIPPED') THEN
        RETURN NEW;
    END IF;
    SELECT coalesce(array_agg(cap_place) FILTER (WHERE cap_place IS NOT NULL), '{}'), count(*)
      INTO taken, active
      FROM deployment WHERE channel_id = NEW.channel_id AND status IN ('IN_PROGRESS', 'SHIPPED');
    IF active < cap THEN
        -- looked for from a random place, so that starts at the same moment rarely choose the same
        first := floor(random() * cap)::INT;
        FOR i IN 0 .. cap - 1 LOOP
            IF NOT ((first + i) % cap = ANY (taken)) THEN
                NEW.cap_place := (first + i) % cap;
                RETURN NEW;
            END IF;
        END LOOP;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'PF001',
        MESSAGE = 'channel ' || NEW.channel_id || ' already has ' || cap || ' active releases';
END
$$;

CREATE TRIGGER deployment_take_cap_place BEFORE INSERT ON deployment
    FOR EACH ROW EXECUTE FUNCTION deployment_take_cap_place();
