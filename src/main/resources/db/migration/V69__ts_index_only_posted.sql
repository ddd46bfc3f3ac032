-- message_view_by_ts finds the release of a posted message (channel and ts of a click). It
-- indexed unposted messages too, under ts IS NULL, and so offered the claim's "is an earlier
-- message of this thread still unposted?" a way through every unposted message of the channel:
-- with a backlog of a few thousand (an outage, a burst of starts) each claim read them all,
-- once per candidate. Indexing posted messages only leaves that check the thread's own
-- (deployment_id, seq) key, which reads a handful of rows whatever the backlog.
DROP INDEX message_view_by_ts;
CREATE INDEX message_view_by_ts ON message_view (channel_id, ts) WHERE ts IS NOT NULL;
