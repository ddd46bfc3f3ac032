package preflight.slack.release;

import preflight.slack.text.Mrkdwn;
import preflight.slack.outbox.RenderedMessage;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;
import java.util.Set;

import preflight.deployment.Release;

/**
 * The direct message to whoever started a release whose thread Slack refuses to post: in a private
 * channel the bot must be invited first, and without this message nobody would know why no thread
 * appeared. The card keeps being retried, so inviting the bot is all it takes.
 */
public final class ChannelAccessNotice {

    /** What chat.postMessage answers in a private channel the bot has not been invited to. */
    public static final Set<String> CHANNEL_ERRORS = Set.of("not_in_channel", "channel_not_found");

    private ChannelAccessNotice() {
    }

    public static RenderedMessage render(Release deployment) {
        String release = Mrkdwn.escape(deployment.version()) + " → " + Mrkdwn.escape(deployment.environment());
        String text = "⚠️ I couldn't post the release thread for *" + release + "* in <#" + deployment.channelId()
                + ">: I'm not a member of that channel. Invite me there with `/invite @Preflight` and the thread"
                + " appears within minutes (I keep trying for about 20 minutes), or cancel the release there with"
                + " `/deploy abort " + Mrkdwn.escape(deployment.version()) + " <reason>`.";
        return new RenderedMessage("I couldn't post the release thread for " + release,
                List.of(section(s -> s.blockId("channel-access").text(markdownText(text)))));
    }
}
