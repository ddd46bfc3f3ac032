package preflight.slack.lifecycle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseLifecycle;
import preflight.slack.bolt.SlackListener;

/** "Healthy — complete release": closes the release and cancels its pending reminders. */
@Component
class CompleteButtonListener implements SlackListener {

    private final LifecycleClicks clicks;
    private final ReleaseLifecycle lifecycle;

    CompleteButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        this.clicks = clicks;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(App app) {
        app.blockAction(LifecycleActions.COMPLETE, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var payload = request.getPayload();
        var deployment = clicks.deployment(payload).orElse(null);
        if (deployment == null) {
            clicks.unknownRelease(context);
        } else {
            clicks.apply(context, () -> lifecycle.complete(deployment.id(), LifecycleClicks.actor(payload)));
        }
        return context.ack();
    }
}
