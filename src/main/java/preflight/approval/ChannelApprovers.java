package preflight.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import preflight.deployment.Actor;

/** Per-channel approver assignments ({@code /deploy approvers}). */
@Repository
class ChannelApprovers {

    private final JdbcClient jdbc;

    ChannelApprovers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void assign(String channelId, String role, List<Approver> approvers, Actor by, Instant at) {
        String tokens = approvers.stream().map(Approver::token).collect(Collectors.joining(" "));
        jdbc.sql("""
                        INSERT INTO signoff_approvers (channel_id, role_key, role, approvers, assigned_by,
                                                       assigned_by_name, assigned_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (channel_id, role_key) DO UPDATE
                           SET role = EXCLUDED.role, approvers = EXCLUDED.approvers,
                               assigned_by = EXCLUDED.assigned_by, assigned_by_name = EXCLUDED.assigned_by_name,
                               assigned_at = EXCLUDED.assigned_at""")
                .params(channelId, RoleNames.key(role), role, tokens, by.id(), by.name(), Timestamp.from(at))
                .update();
    }

    /** @return false when the role had no assignment in the channel */
    boolean clear(String channelId, String role) {
        return jdbc.sql("DELETE FROM signoff_approvers WHERE channel_id = ? AND role_key = ?")
                .params(channelId, RoleNames.key(role))
                .update() == 1;
    }

    /** Keyed by {@link RoleNames#key}, in the order they were assigned. */
    Map<String, ChannelAssignment> of(String channelId) {
        var assignments = new LinkedHashMap<String, ChannelAssignment>();
        jdbc.sql("""
                        SELECT role, approvers, assigned_by, assigned_by_name, assigned_at
                          FROM signoff_approvers WHERE channel_id = ? ORDER BY assigned_at, role_key""")
                .param(channelId)
                .query((rs, n) -> new ChannelAssignment(rs.getString("role"),
                        Arrays.stream(rs.getString("approvers").split(" "))
                                .filter(token -> !token.isEmpty())
                                .map(Approver::fromToken)
                                .toList(),
                        new Actor(rs.getString("assigned_by"), rs.getString("assigned_by_name")),
                        rs.getTimestamp("assigned_at").toInstant()))
                .list()
                .forEach(assignment -> assignments.put(RoleNames.key(assignment.role()), assignment));
        return assignments;
    }
}
