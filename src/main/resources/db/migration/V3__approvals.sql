-- The standing sign-off decision of each role of a release. One row per (release, role): a double
-- click or a duplicate delivery cannot record a second decision. Every decision and withdrawal is
-- also an audit event (deployment_event), which keeps the history forever; this row is only the
-- current state.
CREATE TABLE signoff_decision (
    deployment_id   BIGINT      NOT NULL REFERENCES deployment (id),
    role_key        TEXT        NOT NULL,   -- lower-cased role name
    role            TEXT        NOT NULL,
    decision        TEXT        NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
    decided_by      TEXT        NOT NULL,
    decided_by_name TEXT        NOT NULL,
    reason          TEXT,
    decided_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deployment_id, role_key)
);

-- Who may sign a role in a channel (/deploy approvers). Overrides the template's front matter
-- for that role. approvers: space-separated Slack ids (U…, W…, S…); a user group may carry the
-- handle it was mentioned with ("S0123|@qa-team") so messages can name it without pinging it.
CREATE TABLE signoff_approvers (
    channel_id       TEXT        NOT NULL,
    role_key         TEXT        NOT NULL,
    role             TEXT        NOT NULL,
    approvers        TEXT        NOT NULL,
    assigned_by      TEXT        NOT NULL,
    assigned_by_name TEXT        NOT NULL,
    assigned_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel_id, role_key)
);
