package preflight.slack.lifecycle;

import preflight.slack.command.DeploySubcommand;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

import preflight.deployment.IllegalTransition;
import preflight.deployment.NotAllowed;

/** What the lifecycle subcommands share: refusals become the ephemeral answer. */
final class LifecycleCommands {

    private LifecycleCommands() {
    }

    static DeploySubcommand.Reply run(Supplier<DeploySubcommand.Reply> command) {
        try {
            return command.get();
        } catch (NotAllowed | IllegalTransition | IllegalArgumentException e) {
            return new DeploySubcommand.Reply(e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            return new DeploySubcommand.Reply("Someone changed this release at the same moment; nothing was changed.");
        }
    }
}
