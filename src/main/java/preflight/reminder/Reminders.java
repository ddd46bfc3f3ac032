package preflight.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import preflight.deployment.Actor;
import preflight.deployment.AuditTrail;
import preflight.deployment.ChannelPeople;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStatus;

@Service
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final ReleaseService deployments;
    private final ReleaseLifecycle lifecycle;
    private final ChannelPeople people;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reminders(ReleaseService deployments, ReleaseLifecycle lifecycle, ChannelPeople people,
              AuditTrail audit, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.deployments = deployments;
        this.lifecycle = lifecycle;
        this.people = people;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends one reminder: recorded with its due time first, so a job Quartz recovers and runs
     * again (or a second instance) finds it sent and does nothing.
     */
    @Transactional
    public void fire(long releaseId, ReminderKind kind, Instant dueAt) {
        var deployment = deployments.find(releaseId).orElse(null);
        if (deployment == null || deployment.status() != ReleaseStatus.SHIPPED) {
            log.info("Skipping {} reminder of deployment {}: no longer being monitored", kind.name(), releaseId);
            return;
        }
        boolean first = jdbc.sql("""
                        INSERT INTO reminder_sent (deployment_id, reminder, due_at, sent_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(releaseId, kind.name(), Timestamp.from(dueAt), Timestamp.from(clock.instant()))
                .update() == 1;
        if (!first) {
            return;
        }
        var oncall = people.users(lifecycle.oncall(deployment));
        audit.record(releaseId, "REMINDER_SENT", Actor.PREFLIGHT, kind.name(),
                oncall.isEmpty() ? "no on-call set" : "to " + String.join(", ", oncall), clock.instant());
        events.publishEvent(new MonitoringReminderDue(releaseId, kind, dueAt, oncall));
    }
}
