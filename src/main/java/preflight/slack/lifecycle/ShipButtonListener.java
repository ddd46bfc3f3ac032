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
        return clicks.onRelease(request, context, (release, actor, payload) -> {
            var missing = lifecycle.missingToShip(release);
            boolean mayOverride = lifecycle.mayOverride(release, actor.id());
            if (missing.isEmpty() || !mayOverride && !lifecycle.mayManage(release, actor.id())) {
                clicks.apply(context, () -> lifecycle.ship(release.id(), actor, null));
            } else if (!mayOverride) {
                clicks.tell(context, "*" + Mrkdwn.escape(release.version()) + "* is not ready:\n"
                        + MissingWords.bullets(missing) + "\n"
                        + Refusals.of(new Refusal.NotOverrider(release)));
            } else {
                clicks.askReason(payload.getTriggerId(), ReasonSubmissionListener.SHIP_OVERRIDE, release,
                        "Ship with override", "Ship anyway",
                        "*" + Mrkdwn.escape(release.version()) + "* is not ready:\n"
                                + MissingWords.bullets(missing)
                                + "\nShipping now is an emergency override: it is recorded and shown on the card."
                                + " Why ship anyway?");
            }
        });
    }
}
