package preflight.slack.probe;

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

    ReminderProbeRun(ReleaseService deployments, ProbeRunLauncher launcher) {
        this.deployments = deployments;
        this.launcher = launcher;
    }

    @TransactionalEventListener
    void on(MonitoringReminderDue due) {
        deployments.find(due.releaseId())
                .filter(deployment -> !deployments.checklistOf(deployment).probes().isEmpty())
                .ifPresent(deployment -> launcher.launch(deployment, null, Actor.PREFLIGHT));
    }
}
