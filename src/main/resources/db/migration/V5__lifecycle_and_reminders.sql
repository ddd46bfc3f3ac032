-- Shipping, closing and who may do it.
ALTER TABLE deployment
    ADD COLUMN shipped_at      TIMESTAMPTZ,
    ADD COLUMN closed_at       TIMESTAMPTZ,
    ADD COLUMN close_reason    TEXT,
    ADD COLUMN override_reason TEXT;

-- Per-channel people: release managers (may ship and abort any release of the channel) and
-- on-call (nudged after shipping). Members are Slack user ids (U…/W…) or user groups (S…).
CREATE TABLE channel_member (
    channel_id TEXT        NOT NULL,
    role       TEXT        NOT NULL,
    member_id  TEXT        NOT NULL,
    added_by   TEXT        NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel_id, role, member_id)
);

-- Messages that are not views of one fixed part of the release (a reminder in the thread, a
-- DM to one on-call person) say what they show here.
ALTER TABLE message_view ADD COLUMN subject TEXT;

-- A reminder fires once per trigger fire time, even if Quartz recovers and re-runs the job.
CREATE TABLE reminder_sent (
    deployment_id BIGINT      NOT NULL REFERENCES deployment (id),
    reminder      TEXT        NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (deployment_id, reminder, due_at)
);
