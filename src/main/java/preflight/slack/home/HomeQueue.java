package preflight.slack.home;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home tabs to publish again (table home_stale), for users who have opened Preflight's Home
 * (home_user). Marking is one statement in the transaction of the change; the publisher claims
 * rows with FOR UPDATE SKIP LOCKED, so any number of instances share the work.
 */
@Component
class HomeQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HomeSettings settings;

    HomeQueue(JdbcClient jdbc, Clock clock, HomeSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    record Stale(String memberId, int wanted) {
    }

    void opened(String userId) {
        jdbc.sql("INSERT INTO home_user (user_id, opened_at) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET opened_at = EXCLUDED.opened_at")
                .params(userId, Timestamp.from(clock.instant()))
                .update();
        mark(List.of(userId), Duration.ZERO);
    }

    /** Whether anyone has opened Preflight's Home: until then no change has a Home to mark. */
    boolean anyHome() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM home_user)").query(Boolean.class).single();
    }

    /**
     * Marks stale the Homes of the people named (users who have a Home, and user groups, expanded
     * later) and of everyone with a Home who took part in a release of the channel. Rows are taken
     * in one order, so two changes at once cannot deadlock on them.
     */
    void markStale(Collection<String> named, String channelId) {
        jdbc.sql("""
                        INSERT INTO home_stale (member_id, not_before)
                        SELECT member, :notBefore FROM (
                               SELECT unnest(CAST(:named AS text[])) AS member
                               UNION
                               SELECT h.user_id FROM home_user h
                                WHERE EXISTS (SELECT 1 FROM deployment d
                                               WHERE d.channel_id = :channel
                                                 AND (d.started_by = h.user_id OR EXISTS (
                                                      SELECT 1 FROM deployment_event e
                                                       WHERE e.deployment_id = d.id AND e.actor_id = h.user_id)))) m
                         WHERE member LIKE 'S%' OR member IN (SELECT user_id FROM home_user)
                         ORDER BY member
                        ON CONFLICT (member_id) DO UPDATE SET wanted = home_stale.wanted + 1""")
                .param("named", named.stream().distinct().sorted().toArray(String[]::new))
                .param("channel", channelId)
                .param("notBefore", Timestamp.from(clock.instant().plus(settings.gather())))
                .update();
    }

    /** Group members who have a Home: their Homes become stale in the group's place. */
    void replaceGroup(Stale group, Collection<String> members) {
        mark(members, Duration.ZERO);
        done(group);
    }

    private void mark(Collection<String> users, Duration after) {
        jdbc.sql("""
                        INSERT INTO home_stale (member_id, not_before)
                        SELECT u, CAST(:notBefore AS timestamptz) FROM unnest(CAST(:users AS text[])) u
                         WHERE u IN (SELECT user_id FROM home_user) ORDER BY u
                        ON CONFLICT (member_id) DO UPDATE SET wanted = home_stale.wanted + 1""")
                .param("users", users.stream().distinct().sorted().toArray(String[]::new))
                .param("notBefore", Timestamp.from(clock.instant().plus(after)))
                .update();
    }

    List<Stale> claim() {
        var now = clock.instant();
        return jdbc.sql("""
                        UPDATE home_stale SET lease_until = :until
                         WHERE member_id IN (SELECT member_id FROM home_stale
                                              WHERE not_before <= :now AND (lease_until IS NULL OR lease_until < :now)
                                              ORDER BY not_before LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING member_id, wanted""")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(settings.lease())))
                .param("batch", settings.batchSize())
                .query((rs, n) -> new Stale(rs.getString("member_id"), rs.getInt("wanted")))
                .list();
    }

    /** Published as it was when claimed; a change since then keeps the row for another round. */
    void done(Stale stale) {
        int deleted = jdbc.sql("DELETE FROM home_stale WHERE member_id = ? AND wanted = ?")
                .params(stale.memberId(), stale.wanted())
                .update();
        if (deleted == 0) {
            later(stale, Duration.ZERO);
        }
    }

    void later(Stale stale, Duration delay) {
        jdbc.sql("UPDATE home_stale SET lease_until = NULL, not_before = ? WHERE member_id = ?")
                .params(Timestamp.from(clock.instant().plus(delay)), stale.memberId())
                .update();
    }
}
