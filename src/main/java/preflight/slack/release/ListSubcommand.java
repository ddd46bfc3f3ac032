package preflight.slack.release;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseService;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.ThreadLinks;
import preflight.words.StatusText;

/** {@code /deploy list}: the active releases of this channel. */
@Component
@Order(4)
class ListSubcommand implements DeploySubcommand {

    private final ReleaseService deployments;
    private final ThreadLinks threadLinks;

    ListSubcommand(ReleaseService deployments, ThreadLinks threadLinks) {
        this.threadLinks = threadLinks;
        this.deployments = deployments;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String usage() {
        return "list` — active releases in this channel";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        var active = deployments.activeInChannel(command.getChannelId());
        if (active.isEmpty()) {
            return new Reply("No release is active in this channel.");
        }
        var text = new StringBuilder("*Active releases*");
        for (var deployment : active) {
            var progress = deployments.progressOf(deployment);
            text.append("\n• ").append(threadLinks.to(deployment, Mrkdwn.escape(deployment.version()))).append(" → ")
                    .append(Mrkdwn.escape(deployment.environment())).append(" · ").append(StatusText.of(deployment.status()))
                    .append(" · ").append(progress.done()).append('/').append(progress.total()).append(" items");
        }
        return new Reply(text.toString());
    }
}
