package preflight.slack;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.deployment.ChecklistItemTicked;
import preflight.deployment.DeploymentService;
import preflight.deployment.DeploymentStarted;
import preflight.deployment.ReleaseEvent;
import preflight.reminder.MonitoringReminderDue;
import preflight.reminder.SignoffNudgeDue;

/**
 * Keeps the outbox in step with the database: views are created or marked stale inside the
 * transaction that changed the release, and the sync worker is woken once it commits.
 */
@Component
class ReleaseViews {

    private final DeploymentService deployments;
    private final MessageViews views;
    private final MessageSync sync;

    ReleaseViews(DeploymentService deployments, MessageViews views, MessageSync sync) {
        this.deployments = deployments;
        this.views = views;
        this.sync = sync;
    }

    @EventListener
    void on(DeploymentStarted event) {
        var deployment = deployments.find(event.deploymentId()).orElseThrow();
        var checklist = deployments.checklistOf(deployment);
        views.create(deployment.id(), MessageView.Kind.CARD, 0, 0, 0, deployment.channelId());
        int seq = 1;
        for (var plan : ChecklistLayout.plan(checklist)) {
            views.create(deployment.id(), MessageView.Kind.CHECKLIST, seq++, plan.first(), plan.end(),
                    deployment.channelId());
        }
        if (!checklist.signoffRoles().isEmpty()) {
            views.create(deployment.id(), MessageView.Kind.SIGNOFF, seq++, 0, 0, deployment.channelId());
        }
    }

    @EventListener
    void on(ReleaseEvent event) {
        switch (event) {
            case DeploymentStarted started -> { }
            case ChecklistItemTicked ticked -> views.markStale(ticked.deploymentId(), ticked.itemIndex());
            case MonitoringReminderDue due -> {
                var deployment = deployments.find(due.deploymentId()).orElseThrow();
                views.markStateStale(due.deploymentId());
                views.append(due.deploymentId(), MessageView.Kind.REMINDER, deployment.channelId(), 0, due.kind().name());
                due.oncallUsers().forEach(user ->
                        views.append(due.deploymentId(), MessageView.Kind.REMINDER_DM, user, 0, due.kind().name()));
            }
            case SignoffNudgeDue nudge -> nudge.users().forEach(user ->
                    views.append(nudge.deploymentId(), MessageView.Kind.SIGNOFF_NUDGE_DM, user, 0, nudge.role()));
            default -> views.markStateStale(event.deploymentId());
        }
    }

    @TransactionalEventListener(ReleaseEvent.class)
    void afterCommit() {
        sync.wakeUp();
    }
}
