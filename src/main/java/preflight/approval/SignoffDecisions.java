package preflight.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import preflight.deployment.Actor;

/** The standing decision per role of a release: one row per role, so repeats cannot add a second. */
@Repository
class SignoffDecisions {

    private final JdbcClient jdbc;

    SignoffDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the decision unless the same decision already stands (a double click, Slack's duplicate
     * delivery, or a second approver a moment late).
     *
     * @return true when the decision changed
     */
    boolean record(long releaseId, String role, Decision decision, Actor by, String reason, Instant at,
                   List<Approver> approvers) {
        return jdbc.sql("""
                        INSERT INTO signoff_decision (deployment_id, role_key, role, decision, decided_by,
                                                      decided_by_name, reason, decided_at, approvers)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (deployment_id, role_key) DO UPDATE
                           SET decision = EXCLUDED.decision, decided_by = EXCLUDED.decided_by,
                               decided_by_name = EXCLUDED.decided_by_name, reason = EXCLUDED.reason,
                               decided_at = EXCLUDED.decided_at, approvers = EXCLUDED.approvers
                         WHERE signoff_decision.decision <> EXCLUDED.decision""")
                .params(releaseId, RoleNames.key(role), role, decision.name(), by.id(), by.name(), reason,
                        Timestamp.from(at), approvers.stream().map(Approver::token).collect(Collectors.joining(" ")))
                .update() == 1;
    }

    /** Removes the decision if {@code userId} made it; @return what was withdrawn */
    Optional<Decision> withdraw(long releaseId, String role, String userId) {
        return jdbc.sql("""
                        DELETE FROM signoff_decision
                         WHERE deployment_id = ? AND role_key = ? AND decided_by = ?
                        RETURNING decision""")
                .params(releaseId, RoleNames.key(role), userId)
                .query((rs, n) -> Decision.valueOf(rs.getString("decision")))
                .optional();
    }

    Optional<SignoffDecision> find(long releaseId, String role) {
        return jdbc.sql("""
                        SELECT role, decision, decided_by, decided_by_name, reason, decided_at
                          FROM signoff_decision WHERE deployment_id = ? AND role_key = ?""")
                .params(releaseId, RoleNames.key(role))
                .query(SignoffDecisions::decision)
                .optional();
    }

    /** A standing decision and the approvers it was made under (null when not recorded). */
    record Decided(SignoffDecision decision, List<Approver> approvers) {
    }

    /** Keyed by {@link RoleNames#key}. */
    Map<String, Decided> of(long releaseId) {
        var decisions = new LinkedHashMap<String, Decided>();
        jdbc.sql("""
                        SELECT role, decision, decided_by, decided_by_name, reason, decided_at, approvers
                          FROM signoff_decision WHERE deployment_id = ? ORDER BY decided_at""")
                .param(releaseId)
                .query((rs, n) -> new Decided(decision(rs, n), rs.getString("approvers") == null ? null
                        : Arrays.stream(rs.getString("approvers").split(" "))
                        .filter(token -> !token.isEmpty()).map(Approver::fromToken).toList()))
                .list()
                .forEach(decided -> decisions.put(RoleNames.key(decided.decision().role()), decided));
        return decisions;
    }

    /**
     * The release's status, read with a share lock: a decision and a status change (shipping)
     * of the same release are serialised, so no decision lands on a release that has just shipped.
     */
    String lockStatus(long releaseId) {
        return jdbc.sql("SELECT status FROM deployment WHERE id = ? FOR SHARE")
                .param(releaseId)
                .query(String.class)
                .single();
    }

    private static SignoffDecision decision(ResultSet rs, int n) throws SQLException {
        return new SignoffDecision(rs.getString("role"), Decision.valueOf(rs.getString("decision")),
                new Actor(rs.getString("decided_by"), rs.getString("decided_by_name")), rs.getString("reason"),
                rs.getTimestamp("decided_at").toInstant());
    }
}
