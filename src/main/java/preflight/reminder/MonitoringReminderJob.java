package preflight.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Fired by Quartz (clustered, JDBC store) at shipped + window, or at a check-in. The real work
 * is in {@link Reminders#fire}, which is idempotent per due time. A fire that fails is not lost
 * with its one-shot trigger: a retry trigger for the same due time is stored in Quartz's tables.
 */
@DisallowConcurrentExecution
class MonitoringReminderJob extends QuartzJobBean {

    static final String DEPLOYMENT = "deploymentId"; // the key stored in Quartz job data since V2: keep it
    static final String KIND = "kind";
    static final String AFTER_SHIP = "afterShipSeconds";
    /** Set on a retry trigger: the due time of the fire that failed (epoch millis). */
    static final String DUE_AT = "dueAtMillis";
    private static final Duration REFIRE_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(MonitoringReminderJob.class);

    private final Reminders reminders;
    private final MonitoringSettings settings;

    MonitoringReminderJob(Reminders reminders, MonitoringSettings settings) {
        this.reminders = reminders;
        this.settings = settings;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        var data = context.getMergedJobDataMap();
        var kind = new ReminderKind(data.getString(KIND), Duration.ofSeconds(data.getLong(AFTER_SHIP)));
        Instant dueAt = data.containsKey(DUE_AT) ? Instant.ofEpochMilli(data.getLong(DUE_AT))
                : context.getScheduledFireTime().toInstant();
        long releaseId = data.getLong(DEPLOYMENT);
        try {
            reminders.fire(releaseId, kind, dueAt);
        } catch (RuntimeException e) {
            var retryAt = Instant.now().plus(settings.reminderRetry());
            log.warn("The {} reminder of release {} failed ({}); trying again at {}", kind.name(), releaseId, e.toString(),
                    retryAt);
            try {
                context.getScheduler().scheduleJob(TriggerBuilder.newTrigger()
                        .withIdentity(context.getTrigger().getKey().getName() + "-retry-" + retryAt.toEpochMilli(),
                                ReminderScheduler.GROUP)
                        .forJob(context.getJobDetail().getKey())
                        .usingJobData(KIND, kind.name())
                        .usingJobData(AFTER_SHIP, kind.afterShip().toSeconds())
                        .usingJobData(DUE_AT, dueAt.toEpochMilli())
                        .startAt(Date.from(retryAt))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
            } catch (SchedulerException | RuntimeException cannotSchedule) {
                // the database is not there for the retry trigger either: run this fire again, after a pause
                try {
                    Thread.sleep(REFIRE_PAUSE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new JobExecutionException(e, true);
            }
        }
    }
}
