package preflight.slack.outbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The "slack" component of {@code /actuator/health}: how far Slack is behind the database. It stays
 * UP while Slack is down or messages are stopped (restarting Preflight would not help; the details
 * say what is waiting and why), and follows the database otherwise.
 */
@Component
class SlackHealthIndicator extends AbstractHealthIndicator {

    private final Outbox outbox;

    SlackHealthIndicator(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var backlog = outbox.backlog(null);
        builder.up()
                .withDetail("backlog", backlog.pending())
                .withDetail("stopped", backlog.stopped());
        if (backlog.oldestPending() != null) {
            builder.withDetail("oldestPendingChange", backlog.oldestPending().toString());
        }
        if (backlog.lastError() != null) {
            builder.withDetail("lastError", backlog.lastError());
        }
    }
}
