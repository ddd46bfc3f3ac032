-- Changes of a channel's rules (approvers, managers, on-call): who changed what, from what to
-- what. Kept forever, like deployment_event, but a rule belongs to a channel, not a release.
CREATE TABLE channel_rule_event (
    id         BIGSERIAL PRIMARY KEY,
    channel_id TEXT        NOT NULL,
    type       TEXT        NOT NULL,
    subject    TEXT,
    before     TEXT,
    after      TEXT,
    actor_id   TEXT        NOT NULL,
    actor_name TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX channel_rule_event_channel ON channel_rule_event (channel_id, id);

-- Who shipped over a NO-GO: the card and the report name them beside the reason.
ALTER TABLE deployment ADD COLUMN override_by TEXT;
ALTER TABLE deployment ADD COLUMN override_by_name TEXT;

-- The approvers a decision was made under (tokens as in signoff_approvers): renaming a role's
-- approvers later reaches only roles not yet decided.
ALTER TABLE signoff_decision ADD COLUMN approvers TEXT;

-- A replay record lives as long as its request's own timestamp is acceptable, not as long
-- after we first saw it: a request stamped in the future stays refused until that time passes.
ALTER TABLE slack_request_seen ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE slack_request_seen SET expires_at = seen_at + interval '6 minutes';
ALTER TABLE slack_request_seen ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX slack_request_seen_expires ON slack_request_seen (expires_at);

-- The handle a user group was named with (@release-team), so messages in the channel can name
-- it without pinging the whole group.
ALTER TABLE channel_member ADD COLUMN handle TEXT;
