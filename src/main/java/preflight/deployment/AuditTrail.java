package preflight.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Append-only record of everything that happened to a release; never updated or deleted. Shortly
 * after it commits, each event is chained to the one before it by a seal of its own (migration
 * V65): a changed row afterwards shows in the release report.
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AuditTrail(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void record(long releaseId, String type, Actor actor, String subject, String detail, Instant at) {
        jdbc.sql("""
                        INSERT INTO deployment_event (deployment_id, type, actor_id, actor_name, subject, detail, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(releaseId, type, actor.id(), actor.name(), subject, detail, Timestamp.from(at))
                .update();
    }

    /**
     * Seals every event committed since the last round, of every release, each after its
     * release's last sealed event (see {@link AuditChainSealer}); whoever reads a chain seals
     * first. Rounds take turns on the horizon row, on any instance. Events written by
     * transactions that had all finished when a round began are below that round's horizon: the
     * next round need not look at them again. The scan's upper bound changes nothing (a snapshot
     * sees no transaction from its xmax on) but tells the planner the range is narrow: with the
     * lower bound alone it estimated a tenth of the table and hashed every seal ever written.
     * @return how many events were sealed
     */
    public int seal() {
        record Unsealed(long id, long releaseId, AuditEvent event) {
        }
        record Head(int seq, String hash) {
        }
        record Horizon(String low, String high) {
        }
        return tx.execute(status -> {
            var horizon = jdbc.sql("""
                            SELECT sealed_below::text AS low, pg_snapshot_xmin(pg_current_snapshot())::text AS high
                              FROM audit_seal_horizon FOR UPDATE""")
                    .query((rs, n) -> new Horizon(rs.getString("low"), rs.getString("high")))
                    .single();
            var unsealed = jdbc.sql("""
                            SELECT e.id, e.deployment_id, e.type, e.actor_id, e.actor_name, e.subject, e.detail, e.at
                              FROM deployment_event e
                             WHERE e.written_by >= CAST(? AS xid8)
                               AND e.written_by < pg_snapshot_xmax(pg_current_snapshot())
                               AND NOT EXISTS (SELECT 1 FROM deployment_event_seal s WHERE s.event_id = e.id)
                             ORDER BY e.deployment_id, e.id""")
                    .param(horizon.low())
                    .query((rs, n) -> new Unsealed(rs.getLong("id"), rs.getLong("deployment_id"), event(rs)))
                    .list();
            if (!unsealed.isEmpty()) {
                Map<Long, Head> heads = new HashMap<>();
                jdbc.sql("""
                                SELECT r.id, coalesce(s.seq, 0) AS seq, coalesce(s.hash, ?) AS hash
                                  FROM unnest(?::bigint[]) AS r(id)
                                  LEFT JOIN LATERAL (SELECT seq, hash FROM deployment_event_seal
                                                      WHERE deployment_id = r.id ORDER BY seq DESC LIMIT 1) s ON true""")
                        .params(ChainHash.GENESIS, unsealed.stream().map(Unsealed::releaseId).distinct().toArray(Long[]::new))
                        .query(rs -> {
                            heads.put(rs.getLong("id"), new Head(rs.getInt("seq"), rs.getString("hash")));
                        });
                int n = unsealed.size();
                var releases = new Long[n];
                var seqs = new Integer[n];
                var ids = new Long[n];
                var prevs = new String[n];
                var hashes = new String[n];
                for (int i = 0; i < n; i++) {
                    var event = unsealed.get(i);
                    var head = heads.get(event.releaseId());
                    var next = new Head(head.seq() + 1, ChainHash.of(head.hash(), event.releaseId(), head.seq() + 1,
                            event.event()));
                    releases[i] = event.releaseId();
                    seqs[i] = next.seq();
                    ids[i] = event.id();
                    prevs[i] = head.hash();
                    hashes[i] = next.hash();
                    heads.put(event.releaseId(), next);
                }
                jdbc.sql("""
                                INSERT INTO deployment_event_seal (deployment_id, seq, event_id, prev_hash, hash)
                                SELECT * FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::text[])""")
                        .params(releases, seqs, ids, prevs, hashes)
                        .update();
            }
            jdbc.sql("UPDATE audit_seal_horizon SET sealed_below = CAST(? AS xid8) WHERE sealed_below < CAST(? AS xid8)")
                    .params(horizon.high(), horizon.high())
                    .update();
            return unsealed.size();
        });
    }

    public List<AuditEvent> of(long releaseId) {
        return jdbc.sql("""
                        SELECT e.type, e.actor_id, e.actor_name, e.subject, e.detail, e.at
                          FROM deployment_event e LEFT JOIN deployment_event_seal s ON s.event_id = e.id
                         WHERE e.deployment_id = ? ORDER BY s.seq NULLS LAST, e.id""")
                .param(releaseId)
                .query((rs, n) -> event(rs))
                .list();
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getString("type"), new Actor(rs.getString("actor_id"), rs.getString("actor_name")),
                rs.getString("subject"), rs.getString("detail"), rs.getTimestamp("at").toInstant());
    }

    public record AuditEvent(String type, Actor actor, String subject, String detail, Instant at) {
    }
}
