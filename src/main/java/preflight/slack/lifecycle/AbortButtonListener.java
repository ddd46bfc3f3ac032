package preflight.slack.lifecycle;

import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.slack.text.Mrkdwn;

/** "Abort": asks the release manager why, in a modal. */
@Component
class AbortButtonListener extends ReasonButtonListener {

    private final LifecycleClicks clicks;
    private final ReleaseLifecycle lifecycle;

    AbortButtonListener(LifecycleClicks clicks, ReleaseLifecycle lifecycle) {
        super(clicks, LifecycleActions.ABORT);
        this.clicks = clicks;
        this.lifecycle = lifecycle;
    }

    @Override
    void check(Release deployment, Actor actor) {
        lifecycle.checkMayAbort(deployment, actor);
    }

    @Override
    void ask(String triggerId, Release deployment) {
        clicks.askReason(triggerId, ReasonSubmissionListener.ABORT, deployment, "Abort release", "Abort release",
                "Why abort *" + Mrkdwn.escape(deployment.version()) + "*?");
    }
}
