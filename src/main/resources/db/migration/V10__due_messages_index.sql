-- The sync worker claims due messages in thread order (deployment, seq). With only an index on
-- not_before for the due rows, PostgreSQL walked the (deployment_id, seq) index over every message
-- ever posted and filtered them out: 8 ms for an idle claim over 10,647 messages (bench/), run at
-- every poll and every wake-up, and growing with history. Indexing the due rows in claim order
-- makes an idle claim touch one page, and a claim among 8,000 due messages 0.07 ms instead of 0.8.
DROP INDEX message_view_pending;
CREATE INDEX message_view_due ON message_view (deployment_id, seq) WHERE ts IS NULL OR rendered_rev < wanted_rev;
