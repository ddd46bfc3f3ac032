package preflight.slack.lifecycle;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.slack.command.ReleaseArguments;
import preflight.slack.text.Mrkdwn;

/** {@code /deploy rollback [version] <reason>}. */
@Component
@Order(32)
class RollbackSubcommand extends ReasonedSubcommand {

    private final ReleaseLifecycle lifecycle;

    RollbackSubcommand(ReleaseArguments releases, ReleaseLifecycle lifecycle) {
        super(releases);
        this.lifecycle = lifecycle;
    }

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String usage() {
        return "rollback [version] <reason>` — record that a shipped release was rolled back";
    }

    @Override
    void apply(Release deployment, Actor actor, String reason) {
        lifecycle.rollBack(deployment.id(), actor, reason);
    }

    @Override
    String done(Release deployment) {
        return "Recorded the roll back of *" + Mrkdwn.escape(deployment.version()) + "*.";
    }
}
