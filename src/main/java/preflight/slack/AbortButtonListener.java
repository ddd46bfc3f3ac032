package preflight.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.deployment.DeploymentStatus;
import preflight.deployment.ReleaseLifecycle;

/** "Abort": asks the release manager why, in a modal. */
@Component
class AbortButtonListener implements SlackListener {

    private final LifecycleClicks clicks;
    private final ReleaseLifecycle lifecycle;

    AbortButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        this.clicks = clicks;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(App app) {
        app.blockAction(LifecycleActions.ABORT, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var payload = request.getPayload();
        var deployment = clicks.deployment(payload).orElse(null);
        var actor = LifecycleClicks.actor(payload);
        if (deployment == null) {
            clicks.unknownRelease(context);
        } else if (!lifecycle.mayManage(deployment, actor.id()) || deployment.status() != DeploymentStatus.IN_PROGRESS) {
            clicks.apply(context, () -> lifecycle.abort(deployment.id(), actor, "-"));
        } else {
            clicks.askReason(payload.getTriggerId(), ReasonSubmissionListener.ABORT, deployment, "Abort release",
                    "Abort release", "Why abort *" + Mrkdwn.escape(deployment.release()) + "*?");
        }
        return context.ack();
    }
}
