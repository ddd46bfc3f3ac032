-- What a click writes before its ack, made smaller (bench/README.md): every state-changing Slack
-- request writes its replay record, and every tick two stale marks, its item_tick row and its
-- audit event; each index on those tables is one more entry written per request.
-- slack_request_seen keeps only its key: the index on seen_at was never read, and the one on
-- expires_at only served ReplayGuard's clean-up, once a minute, which reads the few minutes
-- of rows the table holds just as well without it.
DROP INDEX slack_request_seen_at;
DROP INDEX slack_request_seen_expires;

-- message_view_change is a queue that the sync worker empties whole (Outbox.foldChanges):
-- nothing looks a row up by its id, so a row needs neither the id nor its index.
ALTER TABLE message_view_change DROP COLUMN id;

-- A foreign key's check locks the referenced row (FOR KEY SHARE). Every tick inserted an
-- item_tick and an audit event, each checked against the release's one row, so concurrent ticks
-- of a release shared that lock through ever-new multixacts: measured with pgbench on the tick
-- statements, 32 clients, 15-35 % more ticks a second without these two keys. A tick is written
-- only while its release is active (ItemTicks checks it in the same statement), an audit event
-- only by the change of a release that was just read or written, and releases are never deleted
-- (message_view's key to deployment, kept, refuses deleting any release that has a thread).
ALTER TABLE item_tick DROP CONSTRAINT item_tick_deployment_id_fkey;
ALTER TABLE deployment_event DROP CONSTRAINT deployment_event_deployment_id_fkey;
