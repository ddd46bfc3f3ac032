package preflight.slack.release;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.ButtonElement;

import org.springframework.stereotype.Component;

import preflight.deployment.Progress;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.MessageRenderer;
import preflight.slack.outbox.Outbox;
import preflight.slack.outbox.OutboxMessage;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackMentions;
import preflight.words.StatusText;

/** The root message of a release thread: what is being released, by whom, how far along. */
@Component
public class ReleaseCardRenderer implements MessageRenderer {

    private static final int BAR_WIDTH = 20;

    private final List<CardSection> sections;
    private final ReleaseService releases;
    private final Outbox outbox;

    public ReleaseCardRenderer(List<CardSection> sections, ReleaseService releases, Outbox outbox) {
        this.sections = sections;
        this.releases = releases;
        this.outbox = outbox;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.CARD;
    }

    @Override
    public RenderedMessage render(OutboxMessage message) {
        var release = releases.find(message.releaseId()).orElseThrow();
        return render(release, releases.progressOf(release));
    }

    /** Without the card there is no thread: whoever started the release is told why, once. */
    @Override
    public void channelRefused(OutboxMessage message, String error) {
        var release = releases.find(message.releaseId()).orElseThrow();
        outbox.appendOnce(release.id(), MessageKind.CHANNEL_ACCESS_DM, release.startedBy(), error);
    }

    public RenderedMessage render(Release deployment, Progress progress) {
        String release = Mrkdwn.escape(deployment.version());
        String environment = Mrkdwn.escape(deployment.environment());
        List<TextObject> fields = List.of(
                markdownText("*Status*\n" + statusEmoji(deployment) + " " + StatusText.of(deployment.status())),
                markdownText("*Environment*\n" + environment),
                markdownText("*Template*\n" + Mrkdwn.escape(deployment.templateName()) + templateCommit(deployment)),
                markdownText("*Started by*\n" + SlackMentions.person(deployment.startedBy())));
        var blocks = new ArrayList<LayoutBlock>(List.of(
                header(h -> h.blockId("card:header").text(plainText("🚀 Release " + deployment.version()
                        + " → " + deployment.environment(), true))),
                section(s -> s.blockId("card:fields").fields(fields)),
                section(s -> s.blockId("card:progress").text(markdownText("*Checklist*  `" + bar(progress) + "`  "
                        + progress.done() + " / " + progress.total() + " items (" + progress.percent() + "%)"))),
                context(c -> c.blockId("card:help").elements(List.of(markdownText(
                        "Tick items in this thread as you go. `/deploy status " + release
                                + "` shows a summary."))))));
        var buttons = new ArrayList<ButtonElement>();
        for (var section : sections) {
            blocks.addAll(blocks.size() - 1, section.blocks(deployment));
            buttons.addAll(section.buttons(deployment));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("card:actions").elements(List.copyOf(buttons))));
        }
        String text = "Release " + release + " → " + environment + ": " + progress.done() + "/" + progress.total()
                + " checklist items done (" + StatusText.of(deployment.status()) + ")";
        return new RenderedMessage(text, blocks);
    }

    /** {@code api.md @ 3f2c1a9}, linked to the file at that commit when the remote is GitHub or GitLab. */
    static String templateCommit(Release deployment) {
        String commit = deployment.templateCommit();
        if (commit == null) {
            return "";
        }
        String file = deployment.templateFile() == null ? "" : deployment.templateFile();
        String shown = Mrkdwn.escape(file.substring(file.lastIndexOf('/') + 1)) + " @ "
                + commit.substring(0, Math.min(7, commit.length()));
        String link = deployment.templateLink();
        return "\n" + (link == null || !link.startsWith("https://") || link.matches(".*[\\s|<>].*")
                ? shown : "<" + link + "|" + shown + ">");
    }

    public static String bar(Progress progress) {
        int filled = progress.total() == 0 ? BAR_WIDTH : progress.done() * BAR_WIDTH / progress.total();
        return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    }

    private static String statusEmoji(Release deployment) {
        return switch (deployment.status()) {
            case IN_PROGRESS -> "🟡";
            case SHIPPED -> "🔵";
            case COMPLETED -> "✅";
            case ABORTED -> "⛔";
            case ROLLED_BACK -> "↩️";
        };
    }
}
