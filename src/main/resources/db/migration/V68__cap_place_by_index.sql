-- A start chose its place (V67) from every place its channel's active releases held: one read of
-- each of them, at every start, so a start cost more the more releases were active in its channel.
-- Now it asks the unique index of V67 about single places, from a random one on, and stops at the
-- first free one. Every active release holds a place (V67 gave one to each, and every start takes
-- one), so while all places are below the cap a free place means fewer active releases than the
-- cap. Only after the cap was lowered can one be above it: then V67's count still decides.

CREATE OR REPLACE FUNCTION deployment_take_cap_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cap    INT := NULLIF(current_setting('preflight.max_active_releases', true), '')::INT;
    active INT;
    first  INT;
    place  INT;
BEGIN
    IF cap IS NULL OR NEW.status NOT IN ('IN_PROGRESS', 'SHIPPED') THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM deployment
                WHERE channel_id = NEW.channel_id AND status IN ('IN_PROGRESS', 'SHIPPED') AND cap_place >= cap) THEN
        SELECT count(*) INTO active
          FROM deployment WHERE channel_id = NEW.channel_id AND status IN ('IN_PROGRESS', 'SHIPPED');
        IF active >= cap THEN
            RAISE EXCEPTION USING ERRCODE = 'PF001',
                MESSAGE = 'channel ' || NEW.channel_id || ' already has ' || cap || ' active releases';
        END IF;
    END IF;
    -- looked for from a random place, so that starts at the same moment rarely choose the same
    first := floor(random() * cap)::INT;
    FOR i IN 0 .. cap - 1 LOOP
        place := (first + i) % cap;
        IF NOT EXISTS (SELECT 1 FROM deployment
                        WHERE channel_id = NEW.channel_id AND cap_place = place
                          AND status IN ('IN_PROGRESS', 'SHIPPED')) THEN
            NEW.cap_place := place;
            RETURN NEW;
        END IF;
    END LOOP;
    RAISE EXCEPTION USING ERRCODE = 'PF001',
        MESSAGE = 'channel ' || NEW.channel_id || ' already has ' || cap || ' active releases';
END
$$;
