package preflight.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.AuditTrail;
import preflight.deployment.AuditTrail.AuditEvent;
import preflight.deployment.ChainHash;
import preflight.report.ReleaseReport.Chain;
import preflight.report.ReleaseReport.Event;
import preflight.report.ReleaseReport.Person;

/**
 * Reads a release's audit events with their seals and checks them: each event's hash must be the
 * {@link ChainHash} of its own fields and the previous event's hash.
 */
@Component
class AuditChain {

    private final JdbcClient jdbc;

    private final AuditTrail audit;

    AuditChain(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Stored(long releaseId, Event event, String prevHash) {
    }

    /** The release's record as sealed now: events still unsealed are sealed first. */
    List<Stored> events(long releaseId) {
        audit.seal();
        return jdbc.sql("""
                        SELECT s.seq, e.at, e.type, e.actor_id, e.actor_name, e.subject, e.detail, s.prev_hash, s.hash
                          FROM deployment_event_seal s
                          JOIN deployment_event e ON e.id = s.event_id AND e.deployment_id = s.deployment_id
                         WHERE s.deployment_id = ? ORDER BY s.seq""")
                .param(releaseId)
                .query((rs, n) -> new Stored(releaseId, new Event(rs.getInt("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getString("type"), new Person(rs.getString("actor_id"), rs.getString("actor_name")),
                        rs.getString("subject"), rs.getString("detail"), rs.getString("hash")), rs.getString("prev_hash")))
                .list();
    }

    static Chain verify(List<Stored> events) {
        var altered = new ArrayList<Integer>();
        String previous = ChainHash.GENESIS;
        int expectedSeq = 1;
        for (Stored stored : events) {
            var event = stored.event();
            boolean linked = previous.equals(stored.prevHash()) && event.seq() == expectedSeq;
            if (!linked || !hash(stored.releaseId(), event, stored.prevHash()).equals(event.hash())) {
                altered.add(event.seq());
            }
            previous = event.hash();
            expectedSeq = event.seq() + 1;
        }
        String head = events.isEmpty() ? ChainHash.GENESIS : events.getLast().event().hash();
        return new Chain(altered.isEmpty(), events.size(), head, altered);
    }

    static String hash(long releaseId, Event event, String prevHash) {
        return ChainHash.of(prevHash, releaseId, event.seq(), new AuditEvent(event.type(),
                new Actor(event.actor().id(), event.actor().name()), event.subject(), event.detail(), event.at()));
    }
}
