-- One run of a release's probes, started by someone in Slack (/deploy probe or "Run probes").
-- number counts the runs of one release (1, 2, …) and names the run in its thread message.
-- only_probe is set when one probe was asked for; such a run is a re-check, not a full run.
CREATE TABLE probe_run (
    id                BIGSERIAL PRIMARY KEY,
    deployment_id     BIGINT      NOT NULL REFERENCES deployment (id),
    number            INT         NOT NULL,
    only_probe        TEXT,
    probe_count       INT         NOT NULL,
    triggered_by      TEXT        NOT NULL,
    triggered_by_name TEXT        NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'RUNNING',
    started_at        TIMESTAMPTZ NOT NULL,
    -- every probe has a timeout, so a run still RUNNING after this was lost with its instance
    expected_by       TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    passed            INT         NOT NULL DEFAULT 0,
    failed            INT         NOT NULL DEFAULT 0,
    UNIQUE (deployment_id, number)
);

-- One run in progress per release, whatever the number of instances: a double click is refused here.
CREATE UNIQUE INDEX probe_run_one_running ON probe_run (deployment_id) WHERE status = 'RUNNING';

-- The evidence: what each probe found, and which checklist items that ticked or unticked.
CREATE TABLE probe_result (
    run_id      BIGINT      NOT NULL REFERENCES probe_run (id),
    probe_id    TEXT        NOT NULL,
    position    INT         NOT NULL,
    kind        TEXT        NOT NULL,
    target      TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    latency_ms  BIGINT      NOT NULL,
    detail      TEXT        NOT NULL,
    ticked      TEXT[]      NOT NULL DEFAULT '{}',
    unticked    TEXT[]      NOT NULL DEFAULT '{}',
    -- items the probe proves that stayed as a person ticked them
    kept        TEXT[]      NOT NULL DEFAULT '{}',
    finished_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, probe_id)
);
