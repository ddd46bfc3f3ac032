package preflight.slack.release;

import preflight.slack.checklist.ChecklistLayout;
import preflight.slack.outbox.MessageSync;
import preflight.slack.outbox.MessageView;
import preflight.slack.outbox.MessageViews;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.deployment.ChecklistItemTicked;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStarted;
import preflight.deployment.ReleaseEvent;
import preflight.reminder.MonitoringReminderDue;
import preflight.reminder.SignoffNudgeDue;

/**
 * Keeps the outbox in step with the database: views are created or marked stale inside the
 * transaction that changed the release, and the sync worker is woken once it commits.
 */
@Component
public class ReleaseViews {

    private final ReleaseService deployments;
    private final MessageViews views;
    private final MessageSync sync;

    ReleaseViews(ReleaseService deployments, MessageViews views, MessageSync sync) {
        this.deployments = deployments;
        this.views = views;
        this.sync = sync;
    }

    /** The whole thread's outbox rows in one statement, from the checklist the release started with. */
    @EventListener
    void on(ReleaseStarted event) {
        var checklist = event.checklist();
        List<MessageViews.NewView> thread = new ArrayList<>();
        thread.add(new MessageViews.NewView(MessageView.Kind.CARD, 0, 0, 0));
        int seq = 1;
        for (var plan : ChecklistLayout.plan(checklist)) {
            thread.add(new MessageViews.NewView(MessageView.Kind.CHECKLIST, seq++, plan.first(), plan.end()));
        }
        if (!checklist.signoffRoles().isEmpty()) {
            thread.add(new MessageViews.NewView(MessageView.Kind.SIGNOFF, seq, 0, 0));
        }
        views.create(event.releaseId(), event.channelId(), thread);
    }

    @EventListener
    void on(ReleaseEvent event) {
        switch (event) {
            case ReleaseStarted started -> { }
            case ChecklistItemTicked ticked -> views.markStale(ticked.releaseId(), ticked.itemIndex());
            case MonitoringReminderDue due -> {
                var deployment = deployments.find(due.releaseId()).orElseThrow();
                views.markStateStale(due.releaseId());
                views.append(due.releaseId(), MessageView.Kind.REMINDER, deployment.channelId(), 0, due.kind().name());
                due.oncallUsers().forEach(user ->
                        views.append(due.releaseId(), MessageView.Kind.REMINDER_DM, user, 0, due.kind().name()));
            }
            case SignoffNudgeDue nudge -> nudge.users().forEach(user ->
                    views.append(nudge.releaseId(), MessageView.Kind.SIGNOFF_NUDGE_DM, user, 0, nudge.role()));
            default -> views.markStateStale(event.releaseId());
        }
    }

    @TransactionalEventListener(ReleaseEvent.class)
    void afterCommit() {
        sync.wakeUp();
    }
}
