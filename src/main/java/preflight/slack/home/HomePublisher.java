package preflight.slack.home;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import preflight.deployment.GroupMembers;
import preflight.slack.text.SlackIds;
import preflight.system.PollingWorker;

/**
 * Publishes the stale Homes (views.publish). Many changes before a round are one publish; a 429
 * puts the round's remaining Homes back until Retry-After has passed; a group marked stale is
 * replaced by those of its members who have a Home.
 */
@Component
class HomePublisher extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(HomePublisher.class);

    private final HomeQueue queue;
    private final HomeRenderer renderer;
    private final MethodsClient slack;
    private final GroupMembers groups;
    private final HomeSettings settings;

    HomePublisher(HomeQueue queue, HomeRenderer renderer, MethodsClient slack, GroupMembers groups,
                  HomeSettings settings) {
        super("home-publisher");
        this.queue = queue;
        this.renderer = renderer;
        this.slack = slack;
        this.groups = groups;
        this.settings = settings;
    }

    @Override
    protected Duration pollInterval() {
        return settings.pollInterval();
    }

    @Override
    protected boolean round() {
        var claimed = queue.claim();
        Instant pausedUntil = null;
        for (var stale : claimed) {
            if (pausedUntil != null) {
                queue.later(stale, Duration.between(Instant.now(), pausedUntil));
                continue;
            }
            if (SlackIds.isGroup(stale.memberId())) {
                groups.of(stale.memberId()).ifPresentOrElse(
                        members -> queue.replaceGroup(stale, new HashSet<>(members)),
                        () -> queue.later(stale, Duration.ofMinutes(1)));
                continue;
            }
            var retryAfter = publish(stale.memberId());
            if (retryAfter == null) {
                queue.done(stale);
            } else {
                pausedUntil = Instant.now().plus(retryAfter);
                queue.later(stale, retryAfter);
            }
        }
        return claimed.size() == settings.batchSize() && pausedUntil == null;
    }

    /** @return null when published (or refused for good); how long to wait when rate limited or Slack failed */
    private Duration publish(String userId) {
        try {
            var response = slack.viewsPublish(r -> r.userId(userId).view(renderer.render(userId)));
            if (response.isOk()) {
                return null;
            }
            if ("ratelimited".equals(response.getError()) || "internal_error".equals(response.getError())
                    || "service_unavailable".equals(response.getError())) {
                return Duration.ofSeconds(5);
            }
            log.info("Slack refused the Home of {}: {}", userId, response.getError());
            return null;
        } catch (SlackApiException e) {
            var retryAfter = e.getResponse() == null ? null : e.getResponse().header("Retry-After");
            return Duration.ofSeconds(retryAfter == null ? 5 : seconds(retryAfter));
        } catch (Exception e) {
            log.info("Could not publish the Home of {}: {}", userId, e.toString());
            return Duration.ofSeconds(5);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 30;
        }
    }
}
