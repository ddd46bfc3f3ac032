-- The last time the people who may sign a role of a release were nudged: at most one nudge per
-- role per interval, however many instances run the nudge job.
CREATE TABLE signoff_nudge (
    deployment_id BIGINT      NOT NULL REFERENCES deployment (id),
    role          TEXT        NOT NULL,
    nudged_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deployment_id, role)
);
