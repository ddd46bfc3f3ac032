-- Signatures of the requests Slack sent us within the signature window (5 minutes; the
-- timestamp check refuses anything older). A second request carrying a signature already seen
-- is a replay: Slack never retries slash commands or interactive payloads. (An Events API retry,
-- marked X-Slack-Retry-Num, that repeats a seen signature is acknowledged and not handled again.)
-- Kept in the database so the check holds across instances; ReplayGuard deletes old rows.
CREATE TABLE slack_request_seen (
    signature TEXT        PRIMARY KEY,
    seen_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX slack_request_seen_at ON slack_request_seen (seen_at);

-- Ticks mark Slack messages stale by appending here instead of updating message_view: every
-- tick of a release touches the card, and an UPDATE of that one row from each tick made
-- concurrent clicks queue on its lock (measured by bench/). The sync worker folds these rows
-- into message_view.wanted_rev before it claims work.
CREATE TABLE message_view_change (
    id      BIGSERIAL PRIMARY KEY,
    view_id BIGINT NOT NULL
);
