package preflight.reminder;

import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Fired by Quartz (clustered, JDBC store) at shipped + window, or at a check-in. The real work
 * is in {@link Reminders#fire}, which is idempotent per fire time.
 */
@DisallowConcurrentExecution
class MonitoringReminderJob extends QuartzJobBean {

    static final String DEPLOYMENT = "deploymentId"; // the key stored in Quartz job data since V2: keep it
    static final String KIND = "kind";
    static final String AFTER_SHIP = "afterShipSeconds";

    private final Reminders reminders;

    MonitoringReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        var kind = new ReminderKind(data.getString(KIND), Duration.ofSeconds(data.getLong(AFTER_SHIP)));
        reminders.fire(data.getLong(DEPLOYMENT), kind, context.getScheduledFireTime().toInstant());
    }
}
