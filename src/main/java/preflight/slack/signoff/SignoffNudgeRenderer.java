package preflight.slack.signoff;

import preflight.slack.text.SlackMentions;

import preflight.slack.text.Mrkdwn;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.text.SlackDates;
import preflight.slack.text.ThreadLinks;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;

import preflight.deployment.Release;

/** The direct message that reminds someone a release is waiting for their sign-off. */
public final class SignoffNudgeRenderer {

    private SignoffNudgeRenderer() {
    }

    public static RenderedMessage render(Release deployment, String role) {
        String release = Mrkdwn.escape(deployment.version()) + " → " + Mrkdwn.escape(deployment.environment());
        String text = "⏳ *" + release + "* is waiting for your sign-off as *" + Mrkdwn.escape(role) + "* (started "
                + SlackDates.of(deployment.startedAt()) + " by " + SlackMentions.person(deployment.startedBy()) + "). "
                + ThreadLinks.to(deployment, "Open the release thread") + " to approve or reject.";
        return new RenderedMessage("Release " + release + " is waiting for your sign-off as " + Mrkdwn.escape(role),
                List.of(section(s -> s.blockId("nudge").text(markdownText(text)))));
    }
}
