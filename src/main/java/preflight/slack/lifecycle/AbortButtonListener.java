package preflight.slack.lifecycle;

import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.slack.text.Mrkdwn;

/** "Abort": asks the release manager why, in a modal. */
@Component
class AbortButtonListener extends ReasonButtonListener {

    private final ReleaseLifecycle lifecycle;

    AbortButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        super(clicks, LifecycleActions.ABORT, ReasonSubmissionListener.ABORT, "Abort release", "Abort release");
        this.lifecycle = lifecycle;
    }

    @Override
    void check(Release deployment, Actor actor) {
        lifecycle.checkMayAbort(deployment, actor);
    }

    @Override
    String question(Release deployment) {
        return "Why abort *" + Mrkdwn.escape(deployment.version()) + "*?";
    }
}
