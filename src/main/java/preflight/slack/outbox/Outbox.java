package preflight.slack.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import preflight.system.LruCache;

/**
 * The outbox of Slack messages. A row is due when it has never been posted or its wanted
 * revision is ahead of the rendered one; workers lease due rows with SKIP LOCKED so that
 * several instances never post the same message twice, and an expired or released lease (a
 * crashed or stopping instance) makes the row due again. A row Slack refused for good is
 * stopped until the next change of what it shows. Long because it is every statement on that one
 * table: claims, leases, marks, retries and the delivery state are one contract best read together.
 */
@Repository
public class Outbox {

    private static final String COLUMNS = """
            id, deployment_id, kind, seq, first_item, end_item, channel_id, ts, wanted_rev, subject, post_unanswered_at,
            (SELECT t.ts FROM message_view t WHERE t.deployment_id = %s.deployment_id AND t.seq = 0) AS thread_ts""";

    private static final RowMapper<OutboxMessage> ROW = (rs, n) -> {
        var kind = MessageKind.valueOf(rs.getString("kind"));
        return new OutboxMessage(rs.getLong("id"), rs.getLong("deployment_id"), kind, rs.getInt("seq"),
                rs.getInt("first_item"), rs.getInt("end_item"), rs.getString("channel_id"), rs.getString("ts"),
                rs.getInt("wanted_rev"), rs.getString("subject"),
                rs.getTimestamp("post_unanswered_at") == null ? null : rs.getTimestamp("post_unanswered_at").toInstant(),
                kind.inThread() ? rs.getString("thread_ts") : null);
    };

    private static final int REMEMBERED_MESSAGES = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LruCache<PostedMessage, Long> owners = new LruCache<>(REMEMBERED_MESSAGES);
    /** The workspace's domain as Slack last said it to this instance; null until a start from Slack. */
    private volatile String teamDomain;

    Outbox(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A message of a new thread: its kind, place in the thread and item range [first, end). */
    public record NewMessage(MessageKind kind, int seq, int firstItem, int endItem) {
    }

    /**
     * Says which workspace the next thread goes to (the team domain of the Slack request that starts
     * it): the card's row keeps it for the thread's links. Preflight is installed in one workspace.
     */
    public void inWorkspace(String teamDomain) {
        if (teamDomain != null && !teamDomain.isBlank()) {
            this.teamDomain = teamDomain;
        }
    }

    /** The whole thread's rows in one statement; the card's row records the workspace (see {@link #inWorkspace}). */
    public void create(long releaseId, String channelId, List<NewMessage> thread) {
        jdbc.sql("""
                        INSERT INTO message_view (deployment_id, kind, seq, first_item, end_item, channel_id, team_domain)
                        SELECT ?, kind, seq, first_item, end_item, ?, CASE WHEN seq = 0 THEN CAST(? AS text) END
                          FROM unnest(?::text[], ?::int[], ?::int[], ?::int[]) AS t(kind, seq, first_item, end_item)""")
                .params(releaseId, channelId, teamDomain,
                        thread.stream().map(message -> message.kind().name()).toArray(String[]::new),
                        thread.stream().mapToInt(NewMessage::seq).toArray(),
                        thread.stream().mapToInt(NewMessage::firstItem).toArray(),
                        thread.stream().mapToInt(NewMessage::endItem).toArray())
                .update();
    }

    /**
     * A message that follows everything already in the thread (seq after the last one). {@code ref}
     * says which one of its kind it is (a probe run's number) and {@code subject} what it shows (a
     * reminder's name); its item range is empty, so ticks never mark it stale.
     */
    public void append(long releaseId, MessageKind kind, String channelId, int ref, String subject) {
        appendAfterLast(releaseId, kind, channelId, ref, subject, "");
    }

    /** Like {@link #append}, unless the release already has a message of that kind. */
    public void appendOnce(long releaseId, MessageKind kind, String channelId, String subject) {
        appendAfterLast(releaseId, kind, channelId, 0, subject,
                "HAVING count(*) FILTER (WHERE kind = '" + kind.name() + "') = 0");
    }

    /**
     * The thread's first row (the card, seq 0) is the release's seq counter: locked first, in its
     * own statement, so that two appends to one release (a reminder and a probe run at the same
     * moment) take turns instead of both reading the same max(seq) and one failing on the unique key.
     */
    private void appendAfterLast(long releaseId, MessageKind kind, String channelId, int ref, String subject,
                                 String having) {
        jdbc.sql("SELECT id FROM message_view WHERE deployment_id = ? AND seq = 0 FOR UPDATE")
                .param(releaseId)
                .query(Long.class)
                .list();
        jdbc.sql("""
                        INSERT INTO message_view (deployment_id, kind, seq, first_item, end_item, channel_id, subject)
                        SELECT ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ? FROM message_view WHERE deployment_id = ?
                        """ + having)
                .params(releaseId, kind.name(), ref, ref, channelId, subject, releaseId)
                .update();
    }

    /** The message of that kind and ref (see {@link #append}) needs re-rendering. */
    public void markStale(long releaseId, MessageKind kind, int ref) {
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

    public void markStale(long releaseId, MessageKind kind) {
        changed("deployment_id = ? AND kind = ?", releaseId, kind.name());
    }

    /** Every message is marked stale this way, so a change never waits on (or deadlocks over) a message row. */
    private void changed(String which, Object... params) {
        jdbc.sql("INSERT INTO message_view_change (view_id) SELECT id FROM message_view WHERE " + which)
                .params(params)
                .update();
    }

    /**
     * Moves committed changes from message_view_change into wanted_rev. A change is a new chance for
     * a stopped message: it is due again at once.
     */
    public void foldChanges() {
        jdbc.sql("""
                        WITH folded AS (DELETE FROM message_view_change RETURNING view_id)
                        UPDATE message_view v SET wanted_rev = v.wanted_rev + c.n,
                               pending_since = coalesce(v.pending_since, now()),
                               stopped_at = NULL,
                               not_before = CASE WHEN v.stopped_at IS NULL THEN v.not_before ELSE now() END,
                               attempts = CASE WHEN v.stopped_at IS NULL THEN v.attempts ELSE 0 END
                          FROM (SELECT view_id, count(*) AS n FROM folded GROUP BY view_id) c
                         WHERE v.id = c.view_id""")
                .update();
    }

    /**
     * Leases up to {@code limit} due rows. A message in a thread is posted only after every message
     * before it there has been posted (a stopped one does not hold the others back, the card does:
     * without it there is no thread), so the thread reads in order. Updates of one message are at
     * least {@code minInterval} apart: a burst of ticks becomes one chat.update.
     */
    public List<OutboxMessage> claim(int limit, Duration minInterval, Duration lease) {
        foldChanges();
        return tx.execute(status -> {
            // The planner multiplies the selectivities of the conditions below, expects a single due
            // row, and so reads every entry of message_view_due and sorts them: each round would cost
            // as much as the backlog is long. Walking that partial index in its own order stops at
            // the limit. Set per transaction, so the claim is planned (and replanned) this way only.
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return jdbc.sql("""
                            UPDATE message_view v SET lease_until = now() + make_interval(secs => :lease)
                             WHERE v.id IN (
                                SELECT m.id FROM message_view m
                                 WHERE (m.ts IS NULL OR m.rendered_rev < m.wanted_rev)
                                   AND m.stopped_at IS NULL
                                   AND m.not_before <= now()
                                   AND (m.lease_until IS NULL OR m.lease_until < now())
                                   AND (m.last_synced_at IS NULL OR m.ts IS NULL
                                        OR m.last_synced_at <= now() - make_interval(secs => :interval))
                                   AND (m.ts IS NOT NULL OR NOT EXISTS (
                                        SELECT 1 FROM message_view p
                                         WHERE p.deployment_id = m.deployment_id AND p.channel_id = m.channel_id
                                           AND p.seq < m.seq AND p.ts IS NULL AND (p.stopped_at IS NULL OR p.seq = 0)))
                                 ORDER BY m.deployment_id, m.seq
                                 LIMIT :limit
                                 FOR UPDATE SKIP LOCKED)
                            RETURNING\s""" + COLUMNS.formatted("v"))
                    .param("lease", lease.toMillis() / 1000.0)
                    .param("interval", minInterval.toMillis() / 1000.0)
                    .param("limit", limit)
                    .query(ROW)
                    .list();
        });
    }

    /** @param channelId where Slack says the message is (a DM posted to a user id lands in a D… channel) */
    public void synced(OutboxMessage message, String channelId, String ts) {
        jdbc.sql("""
                        UPDATE message_view SET channel_id = ?, ts = ?, rendered_rev = greatest(rendered_rev, ?),
                               pending_since = CASE WHEN wanted_rev > ? THEN pending_since END,
                               last_synced_at = now(), lease_until = NULL, attempts = 0, last_error = NULL,
                               post_unanswered_at = NULL
                         WHERE id = ?""")
                .params(channelId, ts, message.wantedRev(), message.wantedRev(), message.id())
                .update();
    }

    /**
     * An earlier, unanswered post of this message was found in Slack: it is the message from now on.
     * What it shows is as old as that attempt, so it stays due (rendered_rev untouched) and is
     * updated in the next round.
     */
    public void adopted(OutboxMessage message, String channelId, String ts) {
        jdbc.sql("""
                        UPDATE message_view SET channel_id = ?, ts = ?, lease_until = NULL, attempts = 0, last_error = NULL,
                               post_unanswered_at = NULL
                         WHERE id = ?""")
                .params(channelId, ts, message.id())
                .update();
    }

    /** A chat.postMessage got no answer: Slack may have posted it, so the next attempt looks first. */
    public void postUnanswered(OutboxMessage message) {
        jdbc.sql("UPDATE message_view SET post_unanswered_at = coalesce(post_unanswered_at, now()) WHERE id = ?")
                .param(message.id())
                .update();
    }

    /** @return how many times in a row delivering this message has now failed */
    int failed(OutboxMessage message, Duration backoffPerAttempt, Duration maxBackoff, String error) {
        return jdbc.sql("""
                        UPDATE message_view SET attempts = attempts + 1, lease_until = NULL, last_error = :error,
                               not_before = now() + least(make_interval(secs => :max),
                                   make_interval(secs => :first) * power(2, least(attempts, 20)))
                         WHERE id = :id
                        RETURNING attempts""")
                .param("error", error)
                .param("max", maxBackoff.toMillis() / 1000.0)
                .param("first", backoffPerAttempt.toMillis() / 1000.0)
                .param("id", message.id())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** A restart is how an operator applies a fix (a new token, a scope): stopped messages get another try. */
    void retryStopped() {
        jdbc.sql("UPDATE message_view SET stopped_at = NULL, not_before = now(), attempts = 0 WHERE stopped_at IS NOT NULL")
                .update();
    }

    /** @return false when the message was already stopped (its error was said before) */
    boolean stop(OutboxMessage message, String error) {
        return jdbc.sql("""
                        UPDATE message_view SET stopped_at = now(), lease_until = NULL, last_error = ?
                         WHERE id = ? AND stopped_at IS NULL""")
                .params(error, message.id())
                .update() == 1;
    }

    /**
     * Slack throttled one method in one channel: that channel's messages waiting for the same
     * method (posts or updates) wait too; other channels go on.
     */
    void throttled(OutboxMessage message, Instant until, String error) {
        boolean post = message.ts() == null;
        jdbc.sql("""
                        UPDATE message_view SET not_before = greatest(not_before, ?),
                               lease_until = CASE WHEN id = ? THEN NULL ELSE lease_until END,
                               last_error = CASE WHEN id = ? THEN ? ELSE last_error END
                         WHERE channel_id = ? AND (ts IS NULL) = ? AND (ts IS NULL OR rendered_rev < wanted_rev)""")
                .params(Timestamp.from(until), message.id(), message.id(), error, message.channelId(), post)
                .update();
    }

    /** Gives back claimed messages without syncing them; they are due again from their not_before. */
    void release(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE message_view SET lease_until = NULL WHERE id = ANY(?)")
                    .param(ids.stream().mapToLong(Long::longValue).toArray())
                    .update();
        }
    }

    /**
     * A stopping instance gives its claims back. A post whose call was still in flight may have been
     * made: it is marked unanswered, so the next instance looks for it before posting.
     */
    void abandon(Collection<Long> claimed, Collection<Long> postsInFlight) {
        jdbc.sql("""
                        UPDATE message_view SET lease_until = NULL,
                               post_unanswered_at = CASE WHEN id = ANY(?) THEN coalesce(post_unanswered_at, now())
                                                         ELSE post_unanswered_at END
                         WHERE id = ANY(?)""")
                .params(postsInFlight.stream().mapToLong(Long::longValue).toArray(),
                        claimed.stream().mapToLong(Long::longValue).toArray())
                .update();
    }

    public List<OutboxMessage> of(long releaseId) {
        return jdbc.sql("SELECT " + COLUMNS.formatted("message_view") + " FROM message_view WHERE deployment_id = ? ORDER BY seq")
                .param(releaseId)
                .query(ROW)
                .list();
    }

    /**
     * Where the release thread is: the card's message, once posted, and the workspace it is in. A
     * release started without a Slack request (by a pipeline) takes the domain another thread
     * recorded: Preflight is installed in one workspace.
     */
    public Optional<ThreadPlace> threadOf(long releaseId) {
        return jdbc.sql("""
                        SELECT channel_id, ts, coalesce(team_domain, (SELECT team_domain FROM message_view
                                                                    WHERE seq = 0 AND team_domain IS NOT NULL
                                                                    ORDER BY id DESC LIMIT 1)) AS team_domain
                          FROM message_view WHERE deployment_id = ? AND seq = 0""")
                .param(releaseId)
                .query((rs, n) -> new ThreadPlace(rs.getString("channel_id"), rs.getString("ts"), rs.getString("team_domain")))
                .optional();
    }

    /** @param ts null while the card is not posted */
    public record ThreadPlace(String channelId, String ts, String teamDomain) {
    }

    /** How delivery to Slack is going, for one release or (null) all of them. */
    public Backlog backlog(Long releaseId) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE stopped_at IS NULL) AS pending,
                               count(*) FILTER (WHERE stopped_at IS NOT NULL) AS stopped,
                               min(pending_since) FILTER (WHERE stopped_at IS NULL) AS oldest,
                               (SELECT last_error FROM message_view e
                                 WHERE e.last_error IS NOT NULL AND (e.ts IS NULL OR e.rendered_rev < e.wanted_rev)
                                   AND (CAST(:release AS BIGINT) IS NULL OR e.deployment_id = :release)
                                 ORDER BY e.stopped_at IS NULL, e.id DESC LIMIT 1) AS last_error
                          FROM message_view
                         WHERE (ts IS NULL OR rendered_rev < wanted_rev)
                           AND (CAST(:release AS BIGINT) IS NULL OR deployment_id = :release)""")
                .param("release", releaseId)
                .query((rs, n) -> new Backlog(rs.getInt("pending"), rs.getInt("stopped"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(),
                        rs.getString("last_error")))
                .single();
    }

    /**
     * @param pending messages waiting to be posted or updated (retried until Slack takes them)
     * @param stopped messages Slack refused for good; each waits for the next change
     * @param oldestPending since when the longest-waiting pending message has been out of date
     * @param lastError Slack's latest error for a message still out of date (a stopped one's first)
     */
    public record Backlog(int pending, int stopped, Instant oldestPending, String lastError) {
    }

    /**
     * Finds the release a Slack message belongs to (for clicks on its checkboxes). A posted
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
