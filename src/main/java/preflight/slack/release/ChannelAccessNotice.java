package preflight.slack.release;

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
import preflight.slack.text.ThreadLinks;

/**
 * The direct message to whoever started a release whose thread Slack refuses to post: in a private
 * channel the bot must be invited first, and without this message nobody would know why no thread
 * appeared. The card keeps being retried (see {@link ReleaseCardRenderer#channelRefused}), so
 * inviting the bot is all it takes.
 */
@Component
class ChannelAccessNotice implements MessageRenderer {

    private final ReleaseService releases;

    ChannelAccessNotice(ReleaseService releases) {
        this.releases = releases;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.CHANNEL_ACCESS_DM;
    }

    @Override
    public RenderedMessage render(OutboxMessage message) {
        var deployment = releases.find(message.releaseId()).orElseThrow();
        String release = ThreadLinks.name(deployment);
        String text = "⚠️ I couldn't post the release thread for *" + release + "* in <#" + deployment.channelId()
                + ">: I'm not a member of that channel. Invite me there with `/invite @Preflight` and the thread"
                + " appears within minutes (I keep trying every few minutes), or cancel the release there with"
                + " `/deploy abort " + Mrkdwn.escape(deployment.version()) + " <reason>`.";
        return new RenderedMessage("I couldn't post the release thread for " + release,
                List.of(section(s -> s.blockId("channel-access").text(markdownText(text)))));
    }
}
