package preflight.slack.text;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.MethodsClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import preflight.approval.ApprovalSettings;
import preflight.deployment.WorkspaceAdmins;

/**
 * Workspace admins and owners from {@code users.info}, cached like group members: a demotion
 * reaches every instance within that time. A failed lookup is not cached and counts as "no".
 */
@Component
class SlackWorkspaceAdmins implements WorkspaceAdmins {

    private static final Logger log = LoggerFactory.getLogger(SlackWorkspaceAdmins.class);
    private static final int MAX_CACHED = 1000;

    private record Cached(boolean admin, Instant until) {
    }

    private final MethodsClient slack;
    private final ApprovalSettings settings;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SlackWorkspaceAdmins(MethodsClient slack, ApprovalSettings settings, Clock clock) {
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean isAdmin(String userId) {
        var now = clock.instant();
        var cached = cache.get(userId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.admin();
        }
        try {
            var response = slack.usersInfo(r -> r.user(userId));
            if (!response.isOk() || response.getUser() == null) {
                log.warn("Could not look up whether {} is a workspace admin: {}", userId, response.getError());
                return false;
            }
            boolean admin = response.getUser().isAdmin() || response.getUser().isOwner();
            if (cache.size() >= MAX_CACHED) {
                cache.values().removeIf(entry -> !now.isBefore(entry.until()));
            }
            cache.put(userId, new Cached(admin, now.plus(settings.groupCacheTtl())));
            return admin;
        } catch (Exception e) {
            log.warn("Could not look up whether {} is a workspace admin: {}", userId, e.toString());
            return false;
        }
    }
}
