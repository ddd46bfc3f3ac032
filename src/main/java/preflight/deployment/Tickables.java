package preflight.deployment;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * What a click needs of its release, remembered once read, so that a click on a busy release
 * costs no read of it: its version and checklist never change, and a status remembered as closed
 * is final. A status remembered as active may be out of date (another instance may have closed
 * the release); the tick checks it again in the statement that writes ({@link ItemTicks}).
 * Entries are softly held: memory pressure forgets them.
 */
@Component
class Tickables {

    private record Facts(String version, ReleaseStatus status, String templateName, String templateDigest) {
    }

    private final Map<Long, Facts> known = new ConcurrentReferenceHashMap<>();
    private final JdbcClient jdbc;
    private final ReleaseChecklists checklists;

    Tickables(JdbcClient jdbc, ReleaseChecklists checklists) {
        this.jdbc = jdbc;
        this.checklists = checklists;
    }

    /** The checklist is found by the snapshot's digest; the snapshot itself is read only the first time. */
    Optional<TickableRelease> find(long releaseId) {
        var facts = known.get(releaseId);
        if (facts == null) {
            facts = jdbc.sql("SELECT release, status, template_name, template_digest FROM deployment WHERE id = ?")
                    .param(releaseId)
                    .query((rs, n) -> new Facts(rs.getString("release"), ReleaseStatus.valueOf(rs.getString("status")),
                            rs.getString("template_name"), rs.getString("template_digest")))
                    .optional()
                    .orElse(null);
            if (facts == null) {
                return Optional.empty();
            }
            known.put(releaseId, facts);
        }
        var found = facts;
        return Optional.of(new TickableRelease(releaseId, found.version(), found.status(),
                checklists.of(found.templateName(), found.templateDigest(), () -> jdbc
                        .sql("SELECT template_source FROM deployment WHERE id = ?")
                        .param(releaseId)
                        .query(String.class)
                        .single())));
    }

    /** The release's status as stored now, remembered for the next click. */
    ReleaseStatus statusNow(long releaseId) {
        var status = ReleaseStatus.valueOf(jdbc.sql("SELECT status FROM deployment WHERE id = ?")
                .param(releaseId)
                .query(String.class)
                .single());
        known.computeIfPresent(releaseId, (id, facts) ->
                new Facts(facts.version(), status, facts.templateName(), facts.templateDigest()));
        return status;
    }
}
