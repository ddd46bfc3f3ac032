package preflight.slack.lifecycle;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.slack.command.ReleaseArguments;
import preflight.slack.text.Mrkdwn;

/** {@code /deploy abort [version] <reason>}. */
@Component
@Order(31)
class AbortSubcommand extends ReasonedSubcommand {

    private final ReleaseLifecycle lifecycle;

    AbortSubcommand(ReleaseArguments releases, ReleaseLifecycle lifecycle) {
        super(releases);
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "abort";
    }

    @Override
    public String usage() {
        return "abort [version] <reason>` — stop a release before it ships";
    }

    @Override
    void apply(Release deployment, Actor actor, String reason) {
        lifecycle.abort(deployment.id(), actor, reason);
    }

    @Override
    String done(Release deployment) {
        return "Aborted *" + Mrkdwn.escape(deployment.version()) + "*.";
    }
}
