package preflight.slack.probe;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackUsers;
import preflight.words.StatusText;

/**
 * {@code /deploy probe [version] [probe-id]}: runs the release's probes (or one of them). The
 * version may be left out when one release is in progress in the channel. The words name a
 * release and a probe of its template, never a target.
 */
@Component
@Order(20)
class ProbeSubcommand implements DeploySubcommand {

    private final ReleaseService deployments;
    private final ProbeRunLauncher launcher;

    ProbeSubcommand(ReleaseService deployments, ProbeRunLauncher launcher) {
        this.deployments = deployments;
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String usage() {
        return "probe [version] [probe]` — run the release's automated checks and tick the items they prove,"
                + " e.g. `/deploy probe` or `/deploy probe v1.2 health`";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        if (args.size() > 2) {
            return new Reply("Too many words. Usage: `/deploy " + usage());
        }
        var active = deployments.activeInChannel(command.getChannelId());
        Release deployment;
        String probe = null;
        if (args.isEmpty()) {
            if (active.size() != 1) {
                return new Reply(active.isEmpty() ? nothingActive() : whichRelease(active));
            }
            deployment = active.getFirst();
        } else {
            var named = active.stream().filter(d -> d.version().equalsIgnoreCase(args.getFirst())).toList();
            if (named.size() > 1) {
                return new Reply("*" + shown(args.getFirst()) + "* is in progress in several environments here ("
                        + String.join(", ", named.stream().map(d -> Mrkdwn.escape(d.environment())).toList())
                        + "). Press *Run probes* on the card of the one you mean.");
            }
            if (named.size() == 1) {
                deployment = named.getFirst();
                probe = args.size() == 2 ? args.get(1) : null;
            } else if (args.size() == 1 && active.size() == 1) {
                // one release in progress: a single word that is not its version names one of its probes
                deployment = active.getFirst();
                probe = args.getFirst();
            } else {
                return new Reply(notActive(command.getChannelId(), args.getFirst(), active));
            }
        }
        var actor = SlackUsers.actor(command);
        var launch = launcher.launch(deployment, probe, actor);
        return new Reply(launch.reply());
    }

    private String notActive(String channelId, String version, List<Release> active) {
        var earlier = deployments.latestByRelease(channelId, version);
        if (earlier.isPresent()) {
            return "*" + Mrkdwn.escape(earlier.get().version()) + "* is " + StatusText.of(earlier.get().status())
                    + "; its probes can no longer run.";
        }
        return "No release `" + shown(version) + "` is in progress in this channel."
                + (active.isEmpty() ? " Start one with `/deploy start <version>`." : " In progress: " + list(active) + ".");
    }

    private static String nothingActive() {
        return "No release is in progress in this channel. Start one with `/deploy start <version>`.";
    }

    private static String whichRelease(List<Release> active) {
        return "Several releases are in progress here: " + list(active) + ". Say which: `/deploy probe <version>"
                + " [probe]`.";
    }

    private static String list(List<Release> active) {
        return String.join(", ", active.stream().map(d -> "`" + Mrkdwn.escape(d.version()) + "` ("
                + Mrkdwn.escape(d.environment()) + ")").toList());
    }

    private static String shown(String word) {
        return Mrkdwn.escape(Mrkdwn.truncate(word, 40));
    }
}
