package preflight.slack.command;

import java.util.List;

import org.springframework.stereotype.Component;

import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.slack.text.Mrkdwn;

/**
 * Finds the release a subcommand is about: {@code [version [environment]]} first, or the only
 * active release of the channel when no version is given.
 */
@Component
public class ReleaseArguments {

    private final ReleaseService deployments;

    ReleaseArguments(ReleaseService deployments) {
        this.deployments = deployments;
    }

    public record Resolved(Release deployment, List<String> rest) {
    }

    /** @throws IllegalArgumentException with a message for the person, when it is unclear which release */
    public Resolved resolve(String channelId, List<String> args) {
        var active = deployments.activeInChannel(channelId);
        if (active.isEmpty()) {
            throw new IllegalArgumentException("No release is active in this channel. Start one with `/deploy start <version>`.");
        }
        if (!args.isEmpty()) {
            var byVersion = active.stream().filter(d -> d.version().equalsIgnoreCase(args.getFirst())).toList();
            if (byVersion.size() == 1) {
                return new Resolved(byVersion.getFirst(), args.subList(1, args.size()));
            }
            if (byVersion.size() > 1 && args.size() > 1) {
                var byEnvironment = byVersion.stream().filter(d -> d.environment().equalsIgnoreCase(args.get(1))).toList();
                if (byEnvironment.size() == 1) {
                    return new Resolved(byEnvironment.getFirst(), args.subList(2, args.size()));
                }
            }
            if (byVersion.size() > 1) {
                throw new IllegalArgumentException("`" + Mrkdwn.escape(args.getFirst()) + "` is active in several environments"
                        + " here: add the environment, e.g. `" + Mrkdwn.escape(args.getFirst()) + " "
                        + Mrkdwn.escape(byVersion.getFirst().environment()) + "`.");
            }
        }
        if (active.size() == 1) {
            return new Resolved(active.getFirst(), args);
        }
        throw new IllegalArgumentException("Which release? Active here: " + String.join(", ", active.stream()
                .map(d -> "`" + Mrkdwn.escape(d.version()) + "` (" + Mrkdwn.escape(d.environment()) + ")").toList()) + ".");
    }
}
