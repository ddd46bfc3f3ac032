package preflight.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import preflight.deployment.AuditTrail;
import preflight.report.ReleaseReport.Chain;
import preflight.report.ReleaseReport.Event;
import preflight.report.ReleaseReport.Person;

/**
 * Reads a release's audit events with their chain and checks it: each event's hash must be the
 * SHA-256 of its own fields and the previous event's hash, as the database trigger computed it
 * when the event was written (migration V60, whose field encoding this mirrors).
 */
@Component
class AuditChain {

    static final String GENESIS = "0".repeat(64);

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
        audit.seal(releaseId);
        return jdbc.sql("""
                        SELECT seq, at, type, actor_id, actor_name, subject, detail, prev_hash, hash
                          FROM deployment_event WHERE deployment_id = ? AND hash IS NOT NULL ORDER BY seq""")
                .param(releaseId)
                .query((rs, n) -> new Stored(releaseId, new Event(rs.getInt("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getString("type"), new Person(rs.getString("actor_id"), rs.getString("actor_name")),
                        rs.getString("subject"), rs.getString("detail"), rs.getString("hash")), rs.getString("prev_hash")))
                .list();
    }

    static Chain verify(List<Stored> events) {
        var altered = new ArrayList<Integer>();
        String previous = GENESIS;
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
        String head = events.isEmpty() ? GENESIS : events.getLast().event().hash();
        return new Chain(altered.isEmpty(), events.size(), head, altered);
    }

    static String hash(long releaseId, Event event, String prevHash) {
        String text = prevHash + field(Long.toString(releaseId)) + field(Integer.toString(event.seq()))
                + field(event.type()) + field(event.actor().id()) + field(event.actor().name())
                + field(event.subject()) + field(event.detail()) + field(Long.toString(micros(event.at())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String value) {
        return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
