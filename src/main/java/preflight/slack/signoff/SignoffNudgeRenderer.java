package preflight.slack.signoff;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;

import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseService;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.MessageRenderer;
import preflight.slack.outbox.OutboxMessage;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackDates;
import preflight.slack.text.SlackMentions;
import preflight.slack.text.ThreadLinks;

/** The direct message that reminds someone a release is waiting for their sign-off; subject = the role. */
@Component
class SignoffNudgeRenderer implements MessageRenderer {

    private final ReleaseService releases;
    private final ThreadLinks threadLinks;

    SignoffNudgeRenderer(ReleaseService releases, ThreadLinks threadLinks) {
        this.releases = releases;
        this.threadLinks = threadLinks;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.SIGNOFF_NUDGE_DM;
    }

    @Override
    public RenderedMessage render(OutboxMessage message) {
        var deployment = releases.find(message.releaseId()).orElseThrow();
        String role = message.subject();
        String release = ThreadLinks.name(deployment);
        String text = "⏳ *" + release + "* is waiting for your sign-off as *" + Mrkdwn.escape(role) + "* (started "
                + SlackDates.of(deployment.startedAt()) + " by " + SlackMentions.person(deployment.startedBy()) + "). "
                + threadLinks.to(deployment, "Open the release thread") + " to approve or reject.";
        return new RenderedMessage("Release " + release + " is waiting for your sign-off as " + Mrkdwn.escape(role),
                List.of(section(s -> s.blockId("nudge").text(markdownText(text)))));
    }
}
