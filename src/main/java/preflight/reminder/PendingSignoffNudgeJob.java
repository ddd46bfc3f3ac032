package preflight.reminder;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Runs every few minutes on one instance of the cluster; {@link SignoffNudges} decides who is due. */
@DisallowConcurrentExecution
class PendingSignoffNudgeJob extends QuartzJobBean {

    private final SignoffNudges nudges;

    PendingSignoffNudgeJob(SignoffNudges nudges) {
        this.nudges = nudges;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        nudges.nudgeDue();
    }
}
