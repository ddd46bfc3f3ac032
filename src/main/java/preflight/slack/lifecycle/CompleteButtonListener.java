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
        return clicks.onRelease(request, context, (release, actor, payload) ->
                clicks.apply(context, () -> lifecycle.complete(release.id(), actor)));
    }
}
