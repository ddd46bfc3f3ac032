package preflight.slack.lifecycle;

import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.reminder.ReminderScheduler;
import preflight.slack.outbox.MessageKind;
import preflight.slack.text.ThreadLinks;

/** The post-deploy reminder as a direct message to one on-call person, with a link to the thread. */
@Component
class ReminderDirectMessageRenderer extends ReminderMessageRenderer {

    ReminderDirectMessageRenderer(ReleaseService releases, ReleaseLifecycle lifecycle, ReminderScheduler reminders,
                                  ThreadLinks threadLinks) {
        super(releases, lifecycle, reminders, threadLinks);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.REMINDER_DM;
    }
}
