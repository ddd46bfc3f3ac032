package preflight.slack.lifecycle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

import preflight.reminder.ReminderScheduler;
import preflight.slack.bolt.SlackListener;
import preflight.slack.text.SlackDates;

/** "Snooze": the on-call reminder comes back later. */
@Component
class SnoozeButtonListener implements SlackListener {

    private final LifecycleClicks clicks;
    private final ReminderScheduler reminders;

    SnoozeButtonListener(LifecycleClicks clicks, ReminderScheduler reminders) {
        this.clicks = clicks;
        this.reminders = reminders;
    }

    @Override
    public void register(App app) {
        app.blockAction(LifecycleActions.SNOOZE, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        return clicks.onRelease(request, context, (release, actor, payload) -> clicks.apply(context, () -> {
            try {
                var until = reminders.snooze(release.id(), actor);
                clicks.tell(context, "Snoozed: I'll ask again " + SlackDates.of(until) + ".");
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
