package preflight.slack.signoff;

import preflight.slack.outbox.MessageView;
import preflight.slack.outbox.MessageViews;
import preflight.slack.release.ReleaseViews;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import preflight.deployment.ChecklistItemTicked;
import preflight.deployment.ReleaseStarted;
import preflight.deployment.ReleaseEvent;

/**
 * Marks the sign-off message stale, inside the transaction of the change, whenever something
 * other than a tick happens to the release: a decision, new approvers, or a status change (a
 * shipped release shows its sign-offs closed). The card is marked by {@link ReleaseViews}.
 */
@Component
class SignoffViews {

    private final MessageViews views;

    SignoffViews(MessageViews views) {
        this.views = views;
    }

    @EventListener
    void on(ReleaseEvent event) {
        if (!(event instanceof ChecklistItemTicked) && !(event instanceof ReleaseStarted)) {
            views.markStale(event.releaseId(), MessageView.Kind.SIGNOFF);
        }
    }
}
