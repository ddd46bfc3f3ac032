-- When a chat.postMessage got no answer (timeout, dropped connection, 5xx), Slack may still have
-- posted the message. The time is kept so that the next attempt first looks for that message
-- (by the outbox id in its metadata) instead of posting a duplicate.
ALTER TABLE message_view ADD COLUMN post_unanswered_at TIMESTAMPTZ;
