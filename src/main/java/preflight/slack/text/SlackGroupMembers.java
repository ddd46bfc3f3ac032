package preflight.slack.text;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.MethodsClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import preflight.approval.ApprovalSettings;
import preflight.deployment.GroupMembers;

/**
 * User-group members from {@code usergroups.users.list}, cached for
 * {@code preflight.approval.group-cache-ttl}: a click checks membership without a Slack call most
 * of the time, and a change of the group reaches every instance within that time. A failed
 * lookup is not cached, and nobody counts as a member meanwhile.
 */
@Component
class SlackGroupMembers implements GroupMembers {

    private static final Logger log = LoggerFactory.getLogger(SlackGroupMembers.class);
    private static final int MAX_CACHED = 1000;

    private record Cached(Set<String> members, Instant until) {
    }

    private final MethodsClient slack;
    private final ApprovalSettings settings;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SlackGroupMembers(MethodsClient slack, ApprovalSettings settings, Clock clock) {
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean isGroup(String id) {
        return SlackIds.isGroup(id);
    }

    @Override
    public Optional<Set<String>> of(String groupId) {
        var now = clock.instant();
        var cached = cache.get(groupId);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.members());
        }
        try {
            var response = slack.usergroupsUsersList(r -> r.usergroup(groupId));
            if (!response.isOk()) {
                log.warn("Could not list the members of user group {}: {}{}", groupId, response.getError(),
                        "missing_scope".equals(response.getError()) ? " (the app needs the usergroups:read scope)" : "");
                return Optional.empty();
            }
            var members = Set.copyOf(response.getUsers() == null ? Set.of() : response.getUsers());
            if (cache.size() >= MAX_CACHED) {
                cache.values().removeIf(entry -> !now.isBefore(entry.until()));
            }
            cache.put(groupId, new Cached(members, now.plus(settings.groupCacheTtl())));
            return Optional.of(members);
        } catch (Exception e) {
            log.warn("Could not list the members of user group {}: {}", groupId, e.toString());
            return Optional.empty();
        }
    }
}
