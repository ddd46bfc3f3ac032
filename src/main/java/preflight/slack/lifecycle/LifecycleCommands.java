package preflight.slack.lifecycle;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

import preflight.deployment.Refused;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Refusals;

/** What the lifecycle subcommands share: refusals become the ephemeral answer. */
final class LifecycleCommands {

    private LifecycleCommands() {
    }

    static DeploySubcommand.Reply run(Supplier<DeploySubcommand.Reply> command) {
        try {
            return command.get();
        } catch (Refused e) {
            return new DeploySubcommand.Reply(Refusals.of(e.refusal()));
        } catch (IllegalArgumentException e) {
            return new DeploySubcommand.Reply(e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            return new DeploySubcommand.Reply(Refusals.CONCURRENT_CHANGE);
        }
    }
}
