package preflight.slack.lifecycle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.deployment.Refusal;
import preflight.deployment.ReleaseLifecycle;
import preflight.slack.bolt.SlackListener;
import preflight.slack.text.MissingWords;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.Refusals;

/** "Mark shipped": ships at once when nothing is missing, else asks for an override reason. */
@Component
class ShipButtonListener implements SlackListener {

    private final LifecycleClicks clicks;
    private final ReleaseLifecycle lifecycle;

    ShipButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        this.clicks = clicks;
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(App app) {
        app.blockAction(LifecycleActions.SHIP, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var payload = request.getPayload();
        var deployment = clicks.deployment(payload).orElse(null);
        if (deployment == null) {
            clicks.unknownRelease(context);
            return context.ack();
        }
        var actor = LifecycleClicks.actor(payload);
        var missing = lifecycle.missingToShip(deployment);
        boolean mayOverride = lifecycle.mayOverride(deployment, actor.id());
        if (missing.isEmpty() || !mayOverride && !lifecycle.mayManage(deployment, actor.id())) {
            clicks.apply(context, () -> lifecycle.ship(deployment.id(), actor, null));
        } else if (!mayOverride) {
            clicks.tell(context, "*" + Mrkdwn.escape(deployment.version()) + "* is not ready:\n"
                    + MissingWords.bullets(missing) + "\n"
                    + Refusals.of(new Refusal.NotOverrider(deployment)));
        } else {
            clicks.askReason(payload.getTriggerId(), ReasonSubmissionListener.SHIP_OVERRIDE, deployment,
                    "Ship with override", "Ship anyway",
                    "*" + Mrkdwn.escape(deployment.version()) + "* is not ready:\n"
                            + MissingWords.bullets(missing)
                            + "\nShipping now is an emergency override: it is recorded and shown on the card."
                            + " Why ship anyway?");
        }
        return context.ack();
    }
}
