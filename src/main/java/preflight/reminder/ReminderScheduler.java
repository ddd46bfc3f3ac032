package preflight.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import preflight.deployment.Actor;
import preflight.deployment.AuditTrail;
import preflight.deployment.Refusal;
import preflight.deployment.Refused;
import preflight.deployment.Release;
import preflight.deployment.ReleaseClosed;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseShipped;
import preflight.deployment.ReleaseStatus;

/**
 * Keeps Quartz in step with the lifecycle. Quartz's job store is the app's PostgreSQL and joins
 * the transaction that shipped or closed the release, so a job exists exactly when the release
 * is being monitored — a rollback of the transaction leaves no stray job.
 */
@Component
public class ReminderScheduler {

    static final String GROUP = "monitoring";

    private final Scheduler scheduler;
    private final ReleaseService deployments;
    private final ReleaseLifecycle lifecycle;
    private final MonitoringSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReminderScheduler(Scheduler scheduler, ReleaseService deployments, ReleaseLifecycle lifecycle,
                      MonitoringSettings settings, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.scheduler = scheduler;
        this.deployments = deployments;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(ReleaseShipped shipped) throws SchedulerException {
        var deployment = deployments.find(shipped.releaseId()).orElseThrow();
        var monitoring = deployments.checklistOf(deployment).monitoring();
        var window = monitoring.window() != null ? monitoring.window() : settings.monitoringWindow();
        var job = JobBuilder.newJob(MonitoringReminderJob.class)
                .withIdentity(jobKey(deployment.id()))
                .withDescription("post-deploy reminders of " + deployment.version())
                .usingJobData(MonitoringReminderJob.DEPLOYMENT, deployment.id())
                .storeDurably()
                .requestRecovery()
                .build();
        scheduler.addJob(job, true);
        for (var checkin : monitoring.checkins()) {
            if (checkin.compareTo(window) < 0) {
                schedule(deployment.id(), new ReminderKind("checkin-" + new ReminderKind("", checkin).afterShipText(),
                        checkin), shipped.at().plus(checkin));
            }
        }
        schedule(deployment.id(), new ReminderKind(ReminderKind.FINAL, window), shipped.at().plus(window));
    }

    @EventListener
    void on(ReleaseClosed closed) throws SchedulerException {
        scheduler.deleteJob(jobKey(closed.releaseId()));
    }

    /** Asks again later; the reminder that was answered with "Snooze" stays recorded. */
    @Transactional
    public Instant snooze(long releaseId, Actor by) throws SchedulerException {
        Release deployment = deployments.find(releaseId).orElseThrow();
        if (deployment.status() != ReleaseStatus.SHIPPED) {
            throw new Refused(new Refusal.WrongState(deployment, Refusal.Step.SNOOZE));
        }
        lifecycle.requireWatcher(deployment, by, Refusal.Step.SNOOZE);
        var now = clock.instant();
        var until = now.plus(settings.snooze());
        var window = deployment.shippedAt() == null ? settings.monitoringWindow()
                : Duration.between(deployment.shippedAt(), until);
        schedule(releaseId, new ReminderKind(ReminderKind.FINAL, window), until);
        audit.record(releaseId, "REMINDER_SNOOZED", by, ReminderKind.FINAL, "until " + until, now);
        events.publishEvent(new MonitoringSnoozed(releaseId, by, until));
        return until;
    }

    public Duration snoozeDuration() {
        return settings.snooze();
    }

    /** When on-call will next be nudged, if a reminder is pending. */
    public Optional<Instant> nextReminder(long releaseId) {
        try {
            return scheduler.getTriggersOfJob(jobKey(releaseId)).stream()
                    .map(Trigger::getNextFireTime)
                    .filter(Objects::nonNull)
                    .map(Date::toInstant)
                    .min(Comparator.naturalOrder());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    private void schedule(long releaseId, ReminderKind kind, Instant at) throws SchedulerException {
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(GROUP + "-" + releaseId + "-" + kind.name() + "-" + at.toEpochMilli(), GROUP)
                .forJob(jobKey(releaseId))
                .usingJobData(MonitoringReminderJob.KIND, kind.name())
                .usingJobData(MonitoringReminderJob.AFTER_SHIP, kind.afterShip().toSeconds())
                .startAt(Date.from(at))
                // A bot that was down at the fire time sends the reminder as soon as it is back, once.
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        scheduler.scheduleJob(trigger);
    }

    static JobKey jobKey(long releaseId) {
        return JobKey.jobKey(GROUP + "-" + releaseId, GROUP);
    }
}
