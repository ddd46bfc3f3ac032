package preflight.slack.lifecycle;

import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.slack.text.Mrkdwn;

/** "Problem — roll back": asks what went wrong, in a modal. */
@Component
class RollBackButtonListener extends ReasonButtonListener {

    private final LifecycleClicks clicks;
    private final ReleaseLifecycle lifecycle;

    RollBackButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        super(clicks, LifecycleActions.ROLL_BACK);
        this.clicks = clicks;
        this.lifecycle = lifecycle;
    }

    @Override
    void check(Release deployment, Actor actor) {
        lifecycle.checkMayRollBack(deployment, actor);
    }

    @Override
    void ask(String triggerId, Release deployment) {
        clicks.askReason(triggerId, ReasonSubmissionListener.ROLL_BACK, deployment, "Roll back", "Record roll back",
                "What went wrong with *" + Mrkdwn.escape(deployment.version()) + "*?");
    }
}
