package preflight.slack.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import preflight.system.LruCache;

/**
 * The outbox of Slack messages. A row is due when it has never been posted or its wanted
 * revision is ahead of the rendered one; workers lease due rows with SKIP LOCKED so that
 * several instances never post the same message twice, and an expired lease (a crashed
 * instance) makes the row due again.
 */
@Repository
public class MessageViews {

    private static final RowMapper<MessageView> ROW = (rs, n) -> new MessageView(rs.getLong("id"),
            rs.getLong("deployment_id"), MessageView.Kind.valueOf(rs.getString("kind")), rs.getInt("seq"),
            rs.getInt("first_item"), rs.getInt("end_item"), rs.getString("channel_id"), rs.getString("ts"),
            rs.getInt("wanted_rev"), rs.getString("subject"),
            rs.getTimestamp("post_unanswered_at") == null ? null : rs.getTimestamp("post_unanswered_at").toInstant());

    private static final int REMEMBERED_MESSAGES = 10_000;

    private final JdbcClient jdbc;
    private final LruCache<PostedMessage, Long> owners = new LruCache<>(REMEMBERED_MESSAGES);

    MessageViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message of a new thread: its kind, place in the thread and item range [first, end). */
    public record NewView(MessageView.Kind kind, int seq, int firstItem, int endItem) {
    }

    public void create(long releaseId, String channelId, List<NewView> thread) {
        jdbc.sql("""
                        INSERT INTO message_view (deployment_id, kind, seq, first_item, end_item, channel_id)
                        SELECT ?, kind, seq, first_item, end_item, ?
                          FROM unnest(?::text[], ?::int[], ?::int[], ?::int[]) AS t(kind, seq, first_item, end_item)""")
                .params(releaseId, channelId,
                        thread.stream().map(view -> view.kind().name()).toArray(String[]::new),
                        thread.stream().mapToInt(NewView::seq).toArray(),
                        thread.stream().mapToInt(NewView::firstItem).toArray(),
                        thread.stream().mapToInt(NewView::endItem).toArray())
                .update();
    }

    /**
     * A message that follows everything already in the thread (seq after the last one). {@code ref}
     * says which one of its kind it is (a probe run's number) and {@code subject} what it shows (a
     * reminder's name); its item range is empty, so ticks never mark it stale.
     */
    public void append(long releaseId, MessageView.Kind kind, String channelId, int ref, String subject) {
        appendAfterLast(releaseId, kind, channelId, ref, subject, "");
    }

    /** Like {@link #append}, unless the release already has a message of that kind. */
    public void appendOnce(long releaseId, MessageView.Kind kind, String channelId, String subject) {
        appendAfterLast(releaseId, kind, channelId, 0, subject,
                "HAVING count(*) FILTER (WHERE kind = '" + kind.name() + "') = 0");
    }

    private void appendAfterLast(long releaseId, MessageView.Kind kind, String channelId, int ref, String subject,
                                 String having) {
        jdbc.sql("""
                        INSERT INTO message_view (deployment_id, kind, seq, first_item, end_item, channel_id, subject)
                        SELECT ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ? FROM message_view WHERE deployment_id = ?
                        """ + having)
                .params(releaseId, kind.name(), ref, ref, channelId, subject, releaseId)
                .update();
    }

    /** The message of that kind and ref (see {@link #append}) needs re-rendering. */
    public void markStale(long releaseId, MessageView.Kind kind, int ref) {
        changed("deployment_id = ? AND kind = ? AND first_item = ?", releaseId, kind.name(), ref);
    }

    /** The card and the reminders: everything that shows the release's state rather than items. */
    public void markStateStale(long releaseId) {
        changed("deployment_id = ? AND kind IN ('CARD', 'REMINDER', 'REMINDER_DM')", releaseId);
    }

    /**
     * The card and the checklist message holding the item need re-rendering. Appended to
     * message_view_change rather than updated in place: every tick of a release touches the
     * card, and concurrent ticks updating that one row queued on its lock (and deadlocked).
     * {@link #claim} folds the changes in.
     */
    public void markStale(long releaseId, int itemIndex) {
        changed("deployment_id = ? AND (kind = 'CARD' OR (first_item <= ? AND ? < end_item))", releaseId, itemIndex,
                itemIndex);
    }

    /** Every view is marked stale this way, so a change never waits on (or deadlocks over) a view row. */
    private void changed(String which, Object... params) {
        jdbc.sql("INSERT INTO message_view_change (view_id) SELECT id FROM message_view WHERE " + which)
                .params(params)
                .update();
    }

    /** Moves committed changes from message_view_change into wanted_rev. */
    public void foldChanges() {
        jdbc.sql("""
                        WITH folded AS (DELETE FROM message_view_change RETURNING view_id)
                        UPDATE message_view v SET wanted_rev = v.wanted_rev + c.n
                          FROM (SELECT view_id, count(*) AS n FROM folded GROUP BY view_id) c
                         WHERE v.id = c.view_id""")
                .update();
    }

    public void markStale(long releaseId, MessageView.Kind kind) {
        changed("deployment_id = ? AND kind = ?", releaseId, kind.name());
    }

    /**
     * Leases up to {@code limit} due rows. A checklist message is posted only after every message
     * before it in the thread has been posted, so the thread reads in order. Updates of one message
     * are at least {@code minInterval} apart: a burst of ticks becomes one chat.update.
     */
    public List<MessageView> claim(int limit, Duration minInterval, Duration lease) {
        foldChanges();
        return jdbc.sql("""
                        UPDATE message_view v SET lease_until = now() + make_interval(secs => :lease)
                         WHERE v.id IN (
                            SELECT m.id FROM message_view m
                             WHERE (m.ts IS NULL OR m.rendered_rev < m.wanted_rev)
                               AND m.not_before <= now()
                               AND (m.lease_until IS NULL OR m.lease_until < now())
                               AND (m.last_synced_at IS NULL OR m.ts IS NULL
                                    OR m.last_synced_at <= now() - make_interval(secs => :interval))
                               AND (m.ts IS NOT NULL OR NOT EXISTS (
                                    SELECT 1 FROM message_view p
                                     WHERE p.deployment_id = m.deployment_id AND p.channel_id = m.channel_id
                                       AND p.seq < m.seq AND p.ts IS NULL))
                             ORDER BY m.deployment_id, m.seq
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                        RETURNING v.id, v.deployment_id, v.kind, v.seq, v.first_item, v.end_item, v.channel_id,
                                  v.ts, v.wanted_rev, v.subject, v.post_unanswered_at""")
                .param("lease", lease.toMillis() / 1000.0)
                .param("interval", minInterval.toMillis() / 1000.0)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** @param channelId where Slack says the message is (a DM posted to a user id lands in a D… channel) */
    public void synced(MessageView view, String channelId, String ts) {
        jdbc.sql("""
                        UPDATE message_view SET channel_id = ?, ts = ?, rendered_rev = greatest(rendered_rev, ?),
                               last_synced_at = now(), lease_until = NULL, attempts = 0, last_error = NULL,
                               post_unanswered_at = NULL
                         WHERE id = ?""")
                .params(channelId, ts, view.wantedRev(), view.id())
                .update();
    }

    /**
     * An earlier, unanswered post of this message was found in Slack: it is the message from now on.
     * What it shows is as old as that attempt, so it stays due (rendered_rev untouched) and is
     * updated in the next round.
     */
    public void adopted(MessageView view, String channelId, String ts) {
        jdbc.sql("""
                        UPDATE message_view SET channel_id = ?, ts = ?, lease_until = NULL, attempts = 0, last_error = NULL,
                               post_unanswered_at = NULL
                         WHERE id = ?""")
                .params(channelId, ts, view.id())
                .update();
    }

    /** A chat.postMessage got no answer: Slack may have posted it, so the next attempt looks first. */
    public void postUnanswered(MessageView view) {
        jdbc.sql("UPDATE message_view SET post_unanswered_at = coalesce(post_unanswered_at, now()) WHERE id = ?")
                .param(view.id())
                .update();
    }

    public void failed(MessageView view, Instant retryAt, String error) {
        jdbc.sql("""
                        UPDATE message_view SET attempts = attempts + 1, not_before = ?, lease_until = NULL, last_error = ?
                         WHERE id = ?""")
                .params(Timestamp.from(retryAt), error, view.id())
                .update();
    }

    /** Slack throttled us: not a failure of this message, so it does not count towards giving up. */
    public void postpone(MessageView view, Instant retryAt, String error) {
        jdbc.sql("UPDATE message_view SET not_before = ?, lease_until = NULL, last_error = ? WHERE id = ?")
                .params(Timestamp.from(retryAt), error, view.id())
                .update();
    }

    /** Gives back a claimed message without syncing it; it is due again from its not_before. */
    public void release(MessageView view) {
        jdbc.sql("UPDATE message_view SET lease_until = NULL WHERE id = ?").param(view.id()).update();
    }

    /** Slack throttled us: every message waits, not only the one that was refused. */
    public void pauseAll(Instant until) {
        jdbc.sql("UPDATE message_view SET not_before = ? WHERE (ts IS NULL OR rendered_rev < wanted_rev) AND not_before < ?")
                .params(Timestamp.from(until), Timestamp.from(until))
                .update();
    }

    public int attempts(long viewId) {
        return jdbc.sql("SELECT attempts FROM message_view WHERE id = ?").param(viewId).query(Integer.class).optional().orElse(0);
    }

    public List<MessageView> of(long releaseId) {
        return jdbc.sql("""
                        SELECT id, deployment_id, kind, seq, first_item, end_item, channel_id, ts, wanted_rev, subject,
                               post_unanswered_at
                          FROM message_view WHERE deployment_id = ? ORDER BY seq""")
                .param(releaseId)
                .query(ROW)
                .list();
    }

    /**
     * Finds the deployment a Slack message belongs to (for clicks on its checkboxes). A posted
     * message never changes release, so what was found once is remembered: the clicks of a busy
     * thread do not ask the database again.
     */
    public Optional<Long> deploymentOf(String channelId, String ts) {
        var message = new PostedMessage(channelId, ts);
        var known = owners.get(message);
        if (known != null) {
            return Optional.of(known);
        }
        var found = jdbc.sql("SELECT deployment_id FROM message_view WHERE channel_id = ? AND ts = ?")
                .params(channelId, ts)
                .query(Long.class)
                .optional();
        found.ifPresent(id -> owners.put(message, id));
        return found;
    }

    private record PostedMessage(String channelId, String ts) {
    }
}
