package preflight.deployment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who administers a channel's release rules (approvers, managers, on-call), and the record of
 * every change to them. Admins are the workspace's admins and owners and {@code PREFLIGHT_ADMINS};
 * a channel's managers administer that channel. With no managers named, only admins may name them.
 */
@Service
public class ChannelRules {

    private final ChannelPeople people;
    private final WorkspaceAdmins workspaceAdmins;
    private final AccessSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ChannelRules(ChannelPeople people, WorkspaceAdmins workspaceAdmins, AccessSettings settings, JdbcClient jdbc,
                 TransactionTemplate tx, Clock clock) {
        this.people = people;
        this.workspaceAdmins = workspaceAdmins;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** A workspace admin or owner, or named in {@code PREFLIGHT_ADMINS} (directly or through a group). */
    public boolean isAdmin(String userId) {
        return people.includes(settings.admins(), userId) || workspaceAdmins.isAdmin(userId);
    }

    public boolean isManager(String channelId, String userId) {
        return people.includes(people.of(channelId, ChannelRole.MANAGER), userId);
    }

    /** The one rule for changing a channel's rules (and for anything that acts with a manager's rights). */
    public boolean mayAdminister(String channelId, String userId) {
        return isManager(channelId, userId) || isAdmin(userId);
    }

    /** @return why this person may not change the channel's rules; empty when they may */
    public Optional<Refusal> checkAdminister(String channelId, String userId) {
        return mayAdminister(channelId, userId) ? Optional.empty()
                : Optional.of(new Refusal.NotAdministrator(channelId, !people.of(channelId, ChannelRole.MANAGER).isEmpty()));
    }

    /** Replaces the channel's managers or on-call, if this person may; recorded as a rule change. */
    public PeopleChange setPeople(String channelId, ChannelRole role, List<String> members, Map<String, String> handles,
                                  Actor by) {
        var refusal = checkAdminister(channelId, by.id());
        if (refusal.isPresent()) {
            return new PeopleChange.Refused(refusal.get());
        }
        return tx.execute(status -> {
            var before = people.of(channelId, role);
            people.set(channelId, role, members, handles, by);
            var after = people.of(channelId, role);
            record(channelId, role.name(), null, String.join(" ", before), String.join(" ", after), by);
            return new PeopleChange.Changed(role, before, after);
        });
    }

    /** Appends one rule change to the channel's history; part of the caller's transaction. */
    public void record(String channelId, String type, String subject, String before, String after, Actor by) {
        jdbc.sql("""
                        INSERT INTO channel_rule_event (channel_id, type, subject, before, after, actor_id, actor_name, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(channelId, type, subject, before, after, by.id(), by.name(), Timestamp.from(clock.instant()))
                .update();
    }

    public List<RuleEvent> history(String channelId) {
        return jdbc.sql("""
                        SELECT type, subject, before, after, actor_id, actor_name, at
                          FROM channel_rule_event WHERE channel_id = ? ORDER BY id""")
                .param(channelId)
                .query((rs, n) -> new RuleEvent(rs.getString("type"), rs.getString("subject"), rs.getString("before"),
                        rs.getString("after"), new Actor(rs.getString("actor_id"), rs.getString("actor_name")),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public record RuleEvent(String type, String subject, String before, String after, Actor by, Instant at) {
    }

    public sealed interface PeopleChange {

        record Changed(ChannelRole role, List<String> before, List<String> after) implements PeopleChange {
        }

        record Refused(Refusal why) implements PeopleChange {
        }
    }
}
