package preflight.slack.probe;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.deployment.Actor;
import preflight.deployment.ReleaseService;
import preflight.reminder.MonitoringReminderDue;

/** A post-deploy reminder comes with fresh evidence: the release's probes run again, in the thread. */
@Component
class ReminderProbeRun {

    private final ReleaseService deployments;
    private final ProbeRunLauncher launcher;
    private final Executor slackWork;

    ReminderProbeRun(ReleaseService deployments, ProbeRunLauncher launcher, @Qualifier("slackWork") Executor slackWork) {
        this.deployments = deployments;
        this.launcher = launcher;
        this.slackWork = slackWork;
    }

    @TransactionalEventListener
    void on(MonitoringReminderDue due) {
        // Off the committing thread: there the reminder's finished transaction is still bound, the run
        // would be written in it and committed only when its connection is released, after the probes
        // had begun storing results for a run not yet visible to them.
        slackWork.execute(() -> deployments.find(due.releaseId())
                .filter(deployment -> !deployments.checklistOf(deployment).probes().isEmpty())
                .ifPresent(deployment -> launcher.launch(deployment, null, Actor.PREFLIGHT)));
    }
}
