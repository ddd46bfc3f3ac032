-- Slack message state lives with the outbox rows, not in the release: the release thread is the
-- release's seq-0 message (the card), and the workspace's domain (for links) is kept beside it.
ALTER TABLE message_view ADD COLUMN team_domain TEXT;
UPDATE message_view m SET team_domain = d.team_domain, ts = coalesce(m.ts, d.thread_ts)
  FROM deployment d
 WHERE m.deployment_id = d.id AND m.seq = 0;
ALTER TABLE deployment DROP COLUMN thread_ts, DROP COLUMN team_domain;

-- Transient failures are retried until Slack takes the message; only a permanent refusal stops it,
-- until the next change of what it shows. Messages parked by the old give-up rule come back.
ALTER TABLE message_view ADD COLUMN stopped_at TIMESTAMPTZ;
UPDATE message_view SET not_before = now(), attempts = 0 WHERE not_before > now() + interval '1 day';

-- Since when a message has been out of date: the age of the backlog, for health and /deploy status.
ALTER TABLE message_view ADD COLUMN pending_since TIMESTAMPTZ;
UPDATE message_view SET pending_since = now() WHERE ts IS NULL OR rendered_rev < wanted_rev;
ALTER TABLE message_view ALTER COLUMN pending_since SET DEFAULT now();
