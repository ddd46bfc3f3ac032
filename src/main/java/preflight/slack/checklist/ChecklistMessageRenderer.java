package preflight.slack.checklist;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;

import org.springframework.stereotype.Component;

import preflight.checklist.Checklist;
import preflight.checklist.Item;
import preflight.deployment.ItemTick;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.TickSource;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.MessageRenderer;
import preflight.slack.outbox.OutboxMessage;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.text.Mrkdwn;

/**
 * One thread message of the checklist: for each chunk its notes and a checkboxes element.
 * The block id of a checkboxes element carries the tick state it shows ({@link TickedMask}):
 * a changed state gives a new block id, so Slack clients drop their cached selection, and a
 * click tells us exactly what the clicking person saw.
 */
@Component
public class ChecklistMessageRenderer implements MessageRenderer {

    static final String TICK_ACTION = "checklist_tick";
    /** Below this the attribution says nothing useful, and a bare link hides who ticked. */
    private static final int MIN_ATTRIBUTION = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReleaseService releases;

    public ChecklistMessageRenderer(ReleaseService releases) {
        this.releases = releases;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.CHECKLIST;
    }

    @Override
    public RenderedMessage render(OutboxMessage message) {
        var release = releases.find(message.releaseId()).orElseThrow();
        return render(release, releases.checklistOf(release), message.firstItem(), message.endItem(),
                releases.ticksOf(release.id()));
    }

    public RenderedMessage render(Release deployment, Checklist checklist, int first, int end, Map<String, ItemTick> ticks) {
        var items = checklist.items();
        var blocks = new ArrayList<LayoutBlock>();
        for (var chunk : ChecklistLayout.chunks(checklist, first, end)) {
            for (int n = 0; n < chunk.notes().size(); n++) {
                String text = chunk.notes().get(n);
                blocks.add(section(s -> s.blockId("nt:" + chunk.first() + ":" + blocks.size()).text(markdownText(text))));
            }
            var options = new ArrayList<OptionObject>();
            var selected = new ArrayList<OptionObject>();
            boolean[] ticked = new boolean[chunk.end() - chunk.first()];
            for (int i = chunk.first(); i < chunk.end(); i++) {
                Item item = items.get(i);
                ItemTick tick = ticks.get(item.id());
                var option = OptionObject.builder()
                        .text(markdownText(ChecklistLayout.label(item)))
                        .value(item.id())
                        .description(tick == null ? null : description(tick))
                        .build();
                options.add(option);
                if (tick != null) {
                    selected.add(option);
                    ticked[i - chunk.first()] = true;
                }
            }
            String blockId = TickedMask.blockId(chunk.first(), chunk.end(), ticked);
            blocks.add(actions(a -> a.blockId(blockId).elements(List.of(checkboxes(c -> c
                    .actionId(TICK_ACTION)
                    .options(options)
                    .initialOptions(selected.isEmpty() ? null : selected))))));
        }
        long done = items.subList(first, end).stream().filter(item -> ticks.containsKey(item.id())).count();
        String text = "Checklist for " + Mrkdwn.escape(deployment.version()) + ": items " + (first + 1) + "–" + end
                + " (" + done + " of " + (end - first) + " done)";
        return new RenderedMessage(text, blocks);
    }

    /**
     * A pipeline's evidence is a link in front of the attribution, which is shortened to make room:
     * the whole mrkdwn, URL included, must fit Slack's 75 characters. A URL too long for that is
     * left out here (the API still returns it).
     */
    private static PlainTextObject description(ItemTick tick) {
        String attribution = attribution(tick);
        if (tick.evidence() == null) {
            return plainText(attribution);
        }
        String link = "<" + Mrkdwn.escape(tick.evidence()) + "|evidence>";
        int room = ChecklistLayout.OPTION_TEXT_MAX - link.length() - " · ".length();
        if (room < MIN_ATTRIBUTION) {
            return plainText(attribution);
        }
        String shortened = attribution.length() <= room ? attribution
                : Mrkdwn.truncate("✓ " + Mrkdwn.escape(who(tick)), room); // the time goes first
        return new MrkdwnDescription(link + " · " + shortened);
    }

    private static String attribution(ItemTick tick) {
        String who = who(tick);
        // plain_text is not parsed for mentions, but a name is user-supplied text: escaped like all of it
        return Mrkdwn.truncate("✓ " + Mrkdwn.escape(who), 48) + " · " + TIME.format(tick.at());
    }

    private static String who(ItemTick tick) {
        return tick.source() == TickSource.PROBE ? "probe " + tick.by().name() : tick.by().name();
    }

    /** Encodes and decodes the tick state shown by one checkboxes element in its block id. */
    static final class TickedMask {

        private TickedMask() {
        }

        static String blockId(int first, int end, boolean[] ticked) {
            int mask = 0;
            for (int i = 0; i < ticked.length; i++) {
                if (ticked[i]) {
                    mask |= 1 << i;
                }
            }
            return "ck:" + first + ":" + end + ":" + HexFormat.of().toHexDigits((short) mask);
        }

        /** @return null when the block id is not one of ours */
        static Shown parse(String blockId) {
            var parts = blockId == null ? new String[0] : blockId.split(":");
            if (parts.length != 4 || !parts[0].equals("ck")) {
                return null;
            }
            try {
                int first = Integer.parseInt(parts[1]);
                int end = Integer.parseInt(parts[2]);
                int mask = Integer.parseInt(parts[3], 16);
                if (first < 0 || end <= first || end - first > ChecklistLayout.OPTIONS_PER_CHECKBOXES) {
                    return null;
                }
                return new Shown(first, end, mask);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        record Shown(int first, int end, int mask) {

            boolean ticked(int index) {
                return (mask & (1 << (index - first))) != 0;
            }
        }
    }
}
