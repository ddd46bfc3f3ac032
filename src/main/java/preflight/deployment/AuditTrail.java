package preflight.deployment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Append-only record of everything that happened to a release; never updated or deleted. Each
 * event is chained to the one before it by a database trigger (migration V60), in the statement
 * that writes it: a changed row afterwards shows in the release report.
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long releaseId, String type, Actor actor, String subject, String detail, Instant at) {
        jdbc.sql("""
                        INSERT INTO deployment_event (deployment_id, type, actor_id, actor_name, subject, detail, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(releaseId, type, actor.id(), actor.name(), subject, detail, Timestamp.from(at))
                .update();
    }

    /**
     * Chains the release's events written since the last seal (see {@link AuditChainSealer});
     * whoever reads the chain seals first. @return how many events were sealed
     */
    public int seal(long releaseId) {
        return jdbc.sql("SELECT seal_release_events(?)").param(releaseId).query(Integer.class).single();
    }

    public List<AuditEvent> of(long releaseId) {
        return jdbc.sql("""
                        SELECT type, actor_id, actor_name, subject, detail, at
                          FROM deployment_event WHERE deployment_id = ? ORDER BY seq NULLS LAST, id""")
                .param(releaseId)
                .query((rs, n) -> new AuditEvent(rs.getString("type"),
                        new Actor(rs.getString("actor_id"), rs.getString("actor_name")),
                        rs.getString("subject"), rs.getString("detail"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    public record AuditEvent(String type, Actor actor, String subject, String detail, Instant at) {
    }
}
