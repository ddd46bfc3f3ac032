package preflight.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.MethodsClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import preflight.deployment.GroupMembership;

/**
 * User-group members from {@code usergroups.users.list}, kept for a minute: short enough that a
 * change in the group shows up quickly, long enough that ten clicks make one API call.
 */
@Component
class SlackGroupMembership implements GroupMembership {

    private static final Logger log = LoggerFactory.getLogger(SlackGroupMembership.class);

    private final MethodsClient slack;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SlackGroupMembership(MethodsClient slack, Clock clock,
                         @Value("${preflight.slack.group-cache-ttl:60s}") Duration ttl) {
        this.slack = slack;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public boolean isMember(String groupId, String userId) {
        return members(groupId).contains(userId);
    }

    @Override
    public List<String> members(String groupId) {
        var now = clock.instant();
        var cached = cache.get(groupId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.members();
        }
        try {
            var response = slack.usergroupsUsersList(r -> r.usergroup(groupId));
            if (!response.isOk()) {
                log.info("usergroups.users.list for {} answered {}", groupId, response.getError());
                return List.of();
            }
            var members = List.copyOf(response.getUsers());
            cache.put(groupId, new Cached(members, now.plus(ttl)));
            return members;
        } catch (Exception e) {
            log.warn("Could not read members of user group {}: {}", groupId, e.toString());
            return cached == null ? List.of() : cached.members();
        }
    }

    private record Cached(List<String> members, Instant until) {
    }
}
