package preflight.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.deployment.DeploymentStatus;
import preflight.deployment.ReleaseLifecycle;

/** "Problem — roll back": asks what went wrong, in a modal. */
@Component
class RollBackButtonListener implements SlackListener {

    private final LifecycleClicks clicks;
    private final ReleaseLifecycle lifecycle;

    RollBackButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        this.clicks = clicks;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(App app) {
        app.blockAction(LifecycleActions.ROLL_BACK, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var payload = request.getPayload();
        var deployment = clicks.deployment(payload).orElse(null);
        var actor = LifecycleClicks.actor(payload);
        if (deployment == null) {
            clicks.unknownRelease(context);
        } else if (!lifecycle.mayWatch(deployment, actor.id()) || deployment.status() != DeploymentStatus.SHIPPED) {
            clicks.apply(context, () -> lifecycle.rollBack(deployment.id(), actor, "-"));
        } else {
            clicks.askReason(payload.getTriggerId(), ReasonSubmissionListener.ROLL_BACK, deployment, "Roll back",
                    "Record roll back", "What went wrong with *" + Mrkdwn.escape(deployment.release()) + "*?");
        }
        return context.ack();
    }
}
