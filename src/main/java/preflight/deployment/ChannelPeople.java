package preflight.deployment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Release managers and on-call of a channel: Slack user ids (U…/W…) and user groups (S…). */
@Repository
public class ChannelPeople {

    private final JdbcClient jdbc;
    private final GroupMembers groups;
    private final Clock clock;

    ChannelPeople(JdbcClient jdbc, GroupMembers groups, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.clock = clock;
    }

    public List<String> of(String channelId, ChannelRole role) {
        return jdbc.sql("SELECT member_id FROM channel_member WHERE channel_id = ? AND role = ? ORDER BY added_at, member_id")
                .params(channelId, role.name())
                .query(String.class)
                .list();
    }

    /** Replaces the channel's list for the role; only through {@link ChannelRules}, which checks and records it. */
    void set(String channelId, ChannelRole role, List<String> members, Map<String, String> handles, Actor by) {
        jdbc.sql("DELETE FROM channel_member WHERE channel_id = ? AND role = ?").params(channelId, role.name()).update();
        var now = Timestamp.from(clock.instant());
        for (String member : members) {
            jdbc.sql("""
                            INSERT INTO channel_member (channel_id, role, member_id, handle, added_by, added_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(channelId, role.name(), member, handles.get(member), by.id(), now)
                    .update();
        }
    }

    /** The handles user groups of the channel's lists were named with, by group id. */
    public Map<String, String> handles(String channelId) {
        var handles = new HashMap<String, String>();
        jdbc.sql("SELECT member_id, handle FROM channel_member WHERE channel_id = ? AND handle IS NOT NULL")
                .param(channelId)
                .query((rs, n) -> handles.put(rs.getString("member_id"), rs.getString("handle")))
                .list();
        return handles;
    }

    /** Whether the user is one of the given people, directly or through a user group. */
    public boolean includes(List<String> people, String userId) {
        for (String member : people) {
            if (member.equals(userId) || (groups.isGroup(member) && groups.of(member).map(users -> users.contains(userId)).orElse(false))) {
                return true;
            }
        }
        return false;
    }

    /** Every user behind the given people, groups expanded. */
    public List<String> users(List<String> people) {
        return people.stream()
                .flatMap(member -> groups.isGroup(member)
                        ? groups.of(member).map(Set::stream).orElseGet(Stream::empty) : Stream.of(member))
                .distinct()
                .toList();
    }
}
