package preflight.slack.lifecycle;

import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.slack.text.Mrkdwn;

/** "Problem — roll back": asks what went wrong, in a modal. */
@Component
class RollBackButtonListener extends ReasonButtonListener {

    private final ReleaseLifecycle lifecycle;

    RollBackButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        super(clicks, LifecycleActions.ROLL_BACK, ReasonSubmissionListener.ROLL_BACK, "Roll back", "Record roll back");
        this.lifecycle = lifecycle;
    }

    @Override
    void check(Release deployment, Actor actor) {
        lifecycle.checkMayRollBack(deployment, actor);
    }

    @Override
    String question(Release deployment) {
        return "What went wrong with *" + Mrkdwn.escape(deployment.version()) + "*?";
    }
}
