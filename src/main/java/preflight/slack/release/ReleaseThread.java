package preflight.slack.release;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.deployment.ChecklistItemTicked;
import preflight.deployment.ReleaseEvent;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStarted;
import preflight.reminder.MonitoringReminderDue;
import preflight.reminder.SignoffNudgeDue;
import preflight.slack.checklist.ChecklistLayout;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.MessageSync;
import preflight.slack.outbox.Outbox;
import preflight.slack.signoff.SignoffMessageRenderer;

/**
 * Keeps the outbox in step with the database: outbox are created or marked stale inside the
 * transaction that changed the release, and the sync worker is woken once it commits.
 */
@Component
public class ReleaseThread {

    private final ReleaseService deployments;
    private final Outbox outbox;
    private final MessageSync sync;

    ReleaseThread(ReleaseService deployments, Outbox outbox, MessageSync sync) {
        this.deployments = deployments;
        this.outbox = outbox;
        this.sync = sync;
    }

    /** The whole thread's outbox rows in one statement, from the checklist the release started with. */
    @EventListener
    void on(ReleaseStarted event) {
        var checklist = event.checklist();
        List<Outbox.NewMessage> thread = new ArrayList<>();
        thread.add(new Outbox.NewMessage(MessageKind.CARD, 0, 0, 0));
        int seq = 1;
        for (var plan : ChecklistLayout.plan(checklist)) {
            thread.add(new Outbox.NewMessage(MessageKind.CHECKLIST, seq++, plan.first(), plan.end()));
        }
        for (int[] roles : SignoffMessageRenderer.plan(checklist.signoffRoles().size())) {
            thread.add(new Outbox.NewMessage(MessageKind.SIGNOFF, seq++, roles[0], roles[1]));
        }
        outbox.create(event.releaseId(), event.channelId(), thread);
    }

    @EventListener
    void on(ReleaseEvent event) {
        switch (event) {
            case ReleaseStarted started -> { }
            case ChecklistItemTicked ticked -> outbox.markStale(ticked.releaseId(), ticked.itemIndex());
            case MonitoringReminderDue due -> {
                var deployment = deployments.find(due.releaseId()).orElseThrow();
                outbox.markStateStale(due.releaseId());
                outbox.append(due.releaseId(), MessageKind.REMINDER, deployment.channelId(), 0, due.kind().name());
                due.oncallUsers().forEach(user ->
                        outbox.append(due.releaseId(), MessageKind.REMINDER_DM, user, 0, due.kind().name()));
            }
            case SignoffNudgeDue nudge -> nudge.users().forEach(user ->
                    outbox.append(nudge.releaseId(), MessageKind.SIGNOFF_NUDGE_DM, user, 0, nudge.role()));
            default -> outbox.markStateStale(event.releaseId());
        }
    }

    @TransactionalEventListener(ReleaseEvent.class)
    void afterCommit() {
        sync.wakeUp();
    }
}
