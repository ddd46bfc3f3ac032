package preflight.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import preflight.approval.Approver;
import preflight.approval.RoleState;
import preflight.approval.SignoffService;
import preflight.deployment.Actor;
import preflight.deployment.AuditTrail;
import preflight.deployment.ChannelPeople;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;

/**
 * Nudges the approvers of roles a release has waited on too long. The nudge is claimed in the
 * database first (one row per release and role), so it goes out at most once per interval even
 * with several instances. Roles nobody is assigned to have nobody to nudge.
 */
@Service
class SignoffNudges {


    private final ReleaseService deployments;
    private final SignoffService signoffs;
    private final ChannelPeople people;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final SignoffNudgeSettings settings;
    private final Clock clock;

    SignoffNudges(ReleaseService deployments, SignoffService signoffs, ChannelPeople people, AuditTrail audit,
                  JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx,
                  SignoffNudgeSettings settings, Clock clock) {
        this.deployments = deployments;
        this.signoffs = signoffs;
        this.people = people;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    void nudgeDue() {
        var now = clock.instant();
        for (Release deployment : deployments.inProgressStartedBefore(now.minus(settings.after()))) {
            for (RoleState role : signoffs.roles(deployment)) {
                if (role.waiting() && !role.approvers().isEmpty()) {
                    nudge(deployment, role);
                }
            }
        }
    }

    private void nudge(Release deployment, RoleState role) {
        tx.executeWithoutResult(status -> {
            var now = clock.instant();
            boolean claimed = jdbc.sql("""
                            INSERT INTO signoff_nudge (deployment_id, role, nudged_at) VALUES (?, ?, ?)
                            ON CONFLICT (deployment_id, role) DO UPDATE SET nudged_at = excluded.nudged_at
                             WHERE signoff_nudge.nudged_at <= ?""")
                    .params(deployment.id(), role.name(), Timestamp.from(now),
                            Timestamp.from(now.minus(settings.interval())))
                    .update() == 1;
            if (!claimed) {
                return;
            }
            List<String> users = people.users(role.approvers().stream().map(Approver::id).toList());
            audit.record(deployment.id(), "SIGNOFF_NUDGED", Actor.PREFLIGHT, role.name(), "to " + String.join(", ", users), now);
            events.publishEvent(new SignoffNudgeDue(deployment.id(), role.name(), users));
        });
    }

    /** The job and its repeating trigger; Quartz keeps them in the database, registered once. */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail pendingSignoffNudgeJob() {
            return JobBuilder.newJob(PendingSignoffNudgeJob.class)
                    .withIdentity("pending-signoff-nudges", "signoff")
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger pendingSignoffNudgeTrigger(JobDetail pendingSignoffNudgeJob, SignoffNudgeSettings settings) {
            return TriggerBuilder.newTrigger()
                    .forJob(pendingSignoffNudgeJob)
                    .withIdentity("pending-signoff-nudges", "signoff")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(settings.checkEvery().toMillis())
                            .repeatForever()
                            // after downtime, look once now rather than once per missed interval
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
