package preflight.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.report.ReleaseReport.Person;

/** Past releases and delivery statistics, from the database. */
@Service
public class ReleaseHistory {

    public static final int DEFAULT_COUNT = 10;
    public static final int MAX_COUNT = 50;

    private final JdbcClient jdbc;
    private final ReleaseService releases;
    private final Clock clock;

    ReleaseHistory(JdbcClient jdbc, ReleaseService releases, Clock clock) {
        this.jdbc = jdbc;
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * @param shippedBy who marked it shipped; null when it never shipped
     * @param startToShipSeconds null when it never shipped
     */
    public record Entry(Release release, Person shippedBy, Long startToShipSeconds) {
    }

    /** The channel's last {@code count} releases, newest first. */
    public List<Entry> recent(String channelId, int count) {
        return jdbc.sql("""
                        SELECT d.id, s.actor_id, s.actor_name FROM deployment d
                          LEFT JOIN LATERAL (SELECT actor_id, actor_name FROM deployment_event e
                                              WHERE e.deployment_id = d.id AND e.type IN ('SHIPPED', 'SHIPPED_WITH_OVERRIDE')
                                              ORDER BY e.id DESC LIMIT 1) s ON true
                         WHERE d.channel_id = ? ORDER BY d.started_at DESC, d.id DESC LIMIT ?""")
                .params(channelId, Math.clamp(count, 1, MAX_COUNT))
                .query((rs, n) -> {
                    var release = releases.find(rs.getLong("id")).orElseThrow();
                    var by = rs.getString("actor_id") == null ? null
                            : new Person(rs.getString("actor_id"), rs.getString("actor_name"));
                    return new Entry(release, by, release.shippedAt() == null ? null
                            : Duration.between(release.startedAt(), release.shippedAt()).toSeconds());
                })
                .list();
    }

    /** Every release in progress or shipped and not yet closed, in every channel, oldest first. */
    public List<Release> open() {
        return jdbc.sql("SELECT id FROM deployment WHERE status IN ('IN_PROGRESS', 'SHIPPED') ORDER BY started_at, id")
                .query(Long.class)
                .list().stream()
                .map(id -> releases.find(id).orElseThrow())
                .toList();
    }

    /**
     * Channels a user is part of as far as Preflight knows: where they started a release, acted
     * on one, or are named as manager, on-call or approver.
     */
    public List<String> channelsOf(String userId) {
        return jdbc.sql("""
                        SELECT channel_id FROM deployment WHERE started_by = :user
                        UNION SELECT d.channel_id FROM deployment d
                               WHERE EXISTS (SELECT 1 FROM deployment_event e WHERE e.deployment_id = d.id AND e.actor_id = :user)
                        UNION SELECT channel_id FROM channel_member WHERE member_id = :user
                        UNION SELECT channel_id FROM signoff_approvers
                               WHERE (' ' || approvers || ' ') LIKE ('% ' || :user || ' %')
                        ORDER BY 1""")
                .param("user", userId)
                .query(String.class)
                .list();
    }

    /** The latest closed releases of these channels, newest first. */
    public List<Release> recentlyClosed(List<String> channelIds, int count) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id FROM deployment WHERE channel_id = ANY(?) AND closed_at IS NOT NULL
                         ORDER BY closed_at DESC, id DESC LIMIT ?""")
                .params(channelIds.toArray(String[]::new), count)
                .query(Long.class)
                .list().stream()
                .map(id -> releases.find(id).orElseThrow())
                .toList();
    }

    /**
     * Delivery over the last 30 days in these channels.
     *
     * @param changeFailureRate rolled back ÷ shipped; null when nothing shipped
     * @param medianSignoffWaitSeconds from the release's start to each approval or rejection
     */
    public record Stats(int shipped, int rolledBack, Double changeFailureRate, Long medianStartToShipSeconds,
                        Long medianSignoffWaitSeconds) {
    }

    public Stats lastThirtyDays(List<String> channelIds) {
        var since = Timestamp.from(clock.instant().minus(Duration.ofDays(30)));
        var channels = channelIds.toArray(String[]::new);
        record Median(Double seconds) {
        }
        record Shipping(int shipped, int rolledBack, Double median) {
        }
        var shipping = jdbc.sql("""
                        SELECT count(*) AS shipped, count(*) FILTER (WHERE status = 'ROLLED_BACK') AS rolled_back,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM shipped_at - started_at)) AS median
                          FROM deployment WHERE channel_id = ANY(?) AND shipped_at >= ?""")
                .params(channels, since)
                .query((rs, n) -> new Shipping(rs.getInt("shipped"), rs.getInt("rolled_back"),
                        (Double) rs.getObject("median")))
                .single();
        Double wait = jdbc.sql("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.at - d.started_at))
                          FROM deployment_event e JOIN deployment d ON d.id = e.deployment_id
                         WHERE d.channel_id = ANY(?) AND e.at >= ? AND e.type IN ('SIGNOFF_APPROVED', 'SIGNOFF_REJECTED')""")
                .params(channels, since)
                .query((rs, n) -> new Median((Double) rs.getObject(1)))
                .single().seconds();
        return new Stats(shipping.shipped(), shipping.rolledBack(),
                shipping.shipped() == 0 ? null : (double) shipping.rolledBack() / shipping.shipped(),
                shipping.median() == null ? null : Math.round(shipping.median()),
                wait == null ? null : Math.round(wait));
    }
}
