package preflight.slack.signoff;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import preflight.deployment.ChecklistItemTicked;
import preflight.deployment.ReleaseEvent;
import preflight.deployment.ReleaseStarted;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.Outbox;
import preflight.slack.release.ReleaseThread;

/**
 * Marks the sign-off message stale, inside the transaction of the change, whenever something
 * other than a tick happens to the release: a decision, new approvers, or a status change (a
 * shipped release shows its sign-offs closed). The card is marked by {@link ReleaseThread}.
 */
@Component
class SignoffMessages {

    private final Outbox outbox;

    SignoffMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ReleaseEvent event) {
        if (!(event instanceof ChecklistItemTicked) && !(event instanceof ReleaseStarted)) {
            outbox.markStale(event.releaseId(), MessageKind.SIGNOFF);
        }
    }
}
