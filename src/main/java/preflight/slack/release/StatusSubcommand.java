package preflight.slack.release;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.approval.SignoffService;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.outbox.Outbox;
import preflight.slack.signoff.SignoffCardSection;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackMentions;
import preflight.slack.text.ThreadLinks;
import preflight.words.StatusText;

/** {@code /deploy status [version]}: a summary only the asker sees. */
@Component
@Order(2)
class StatusSubcommand implements DeploySubcommand {

    private final ReleaseService deployments;
    private final SignoffService signoffs;
    private final ThreadLinks threadLinks;
    private final Outbox outbox;

    StatusSubcommand(ReleaseService deployments, SignoffService signoffs, ThreadLinks threadLinks, Outbox outbox) {
        this.threadLinks = threadLinks;
        this.outbox = outbox;
        this.deployments = deployments;
        this.signoffs = signoffs;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "status [version]` — where the releases in this channel stand";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        if (args.size() > 1) {
            return new Reply("Usage: `/deploy " + usage());
        }
        List<Release> shown = args.isEmpty()
                ? deployments.activeInChannel(command.getChannelId())
                : deployments.latestByRelease(command.getChannelId(), args.getFirst()).stream().toList();
        if (shown.isEmpty()) {
            return new Reply(args.isEmpty()
                    ? "No release is in progress in this channel. Start one with `/deploy start <version>`."
                    : "No release `" + Mrkdwn.escape(Mrkdwn.truncate(args.getFirst(), 40)) + "` in this channel.");
        }
        var text = new StringBuilder();
        for (var deployment : shown) {
            var progress = deployments.progressOf(deployment);
            text.append(text.isEmpty() ? "" : "\n")
                    .append("• *").append(Mrkdwn.escape(deployment.version())).append("* → ")
                    .append(Mrkdwn.escape(deployment.environment())).append(" · ").append(StatusText.of(deployment.status()))
                    .append(" · `").append(ReleaseCardRenderer.bar(progress)).append("` ")
                    .append(progress.done()).append('/').append(progress.total()).append(" items · template `")
                    .append(Mrkdwn.escape(deployment.templateName())).append("` · started by ")
                    .append(SlackMentions.person(deployment.startedBy())).append(" · ")
                    .append(threadLinks.to(deployment, "thread"))
                    .append("\n    ").append(Mrkdwn.truncate(SignoffCardSection.verdict(signoffs.verdict(deployment)), 600))
                    .append(delivery(outbox.backlog(deployment.id())));
        }
        return new Reply(text.toString());
    }

    /** Only when Slack is behind: what is waiting, and why, so nobody trusts a stale thread. */
    private static String delivery(Outbox.Backlog backlog) {
        if (backlog.stopped() > 0) {
            return "\n    ⚠️ Slack refused " + backlog.stopped() + " of its messages (`"
                    + Mrkdwn.escape(String.valueOf(backlog.lastError())) + "`); the thread shows an older state until"
                    + " the release changes again or an admin fixes the cause (see the bot's log).";
        }
        if (backlog.lastError() != null && backlog.pending() > 0) {
            return "\n    ⏳ " + backlog.pending() + " message(s) waiting for Slack (`"
                    + Mrkdwn.escape(backlog.lastError()) + "`); they are sent as soon as Slack takes them.";
        }
        return "";
    }
}
