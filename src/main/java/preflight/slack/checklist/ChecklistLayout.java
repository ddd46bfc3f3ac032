package preflight.slack.checklist;

import java.util.ArrayList;
import java.util.List;

import preflight.checklist.Checklist;
import preflight.checklist.Item;
import preflight.checklist.Section;
import preflight.slack.text.Mrkdwn;
import preflight.system.LruCache;

/**
 * Packs a checklist into as few thread messages as Slack's limits allow. The plan depends only
 * on the checklist, never on tick state, so a message keeps the same items for the life of the
 * release; sizes are budgeted for the worst case (every item ticked, with attribution).
 */
public final class ChecklistLayout {

    static final int OPTIONS_PER_CHECKBOXES = 10;
    static final int OPTION_TEXT_MAX = 75;
    public static final int SECTION_TEXT_MAX = 3000;
    private static final int BLOCKS_PER_MESSAGE = 46;
    private static final int TEXT_PER_MESSAGE = 11_000;
    private static final int NOTE_PER_ITEM_MAX = 700;
    private static final int NOTE_BLOCKS_PER_CHUNK = 3;

    /** Items [first, end) of one section, shown as one checkboxes element and its notes. */
    record Chunk(Section section, int first, int end, boolean startsSection, List<String> notes) {

        int blocks() {
            return 1 + notes.size();
        }

        int worstCaseText() {
            return notes.stream().mapToInt(String::length).sum() + (end - first) * 2 * OPTION_TEXT_MAX;
        }
    }

    /** Items [first, end) of the checklist posted as one thread message. */
    public record MessagePlan(int first, int end) {
    }

    /** Every start of a template plans the same checklist, and the plan depends on nothing else. */
    private static final LruCache<Checklist, List<MessagePlan>> PLANS = new LruCache<>(64);

    private ChecklistLayout() {
    }

    public static List<MessagePlan> plan(Checklist checklist) {
        var planned = PLANS.get(checklist);
        if (planned == null) {
            planned = List.copyOf(layOut(checklist));
            PLANS.put(checklist, planned);
        }
        return planned;
    }

    private static List<MessagePlan> layOut(Checklist checklist) {
        var plans = new ArrayList<MessagePlan>();
        int first = 0;
        int end = 0;
        int blocks = 0;
        int text = 0;
        for (Chunk chunk : chunks(checklist, 0, checklist.items().size())) {
            boolean fits = blocks + chunk.blocks() <= BLOCKS_PER_MESSAGE
                    && text + chunk.worstCaseText() <= TEXT_PER_MESSAGE;
            if (!fits && end > first) {
                plans.add(new MessagePlan(first, end));
                first = chunk.first();
                blocks = 0;
                text = 0;
            }
            blocks += chunk.blocks();
            text += chunk.worstCaseText();
            end = chunk.end();
        }
        if (end > first) {
            plans.add(new MessagePlan(first, end));
        }
        return plans;
    }

    /** The chunks of items [from, to); a message starting mid-section repeats the section title. */
    static List<Chunk> chunks(Checklist checklist, int from, int to) {
        var chunks = new ArrayList<Chunk>();
        int offset = 0;
        for (Section section : checklist.sections()) {
            int size = section.items().size();
            for (int start = 0; start < size; start += OPTIONS_PER_CHECKBOXES) {
                int first = offset + start;
                int end = offset + Math.min(size, start + OPTIONS_PER_CHECKBOXES);
                if (first >= from && end <= to) {
                    boolean startsSection = start == 0 || first == from;
                    var items = section.items().subList(start, end - offset);
                    chunks.add(new Chunk(section, first, end, startsSection,
                            notes(section, items, startsSection, start > 0)));
                }
            }
            offset += size;
        }
        return chunks;
    }

    static String label(Item item) {
        String indent = "↳ ".repeat(Math.min(item.depth(), 3));
        return Mrkdwn.truncate(indent + Mrkdwn.fromMarkdown(item.text()), OPTION_TEXT_MAX);
    }

    static boolean needsNote(Item item) {
        return !label(item).equals("↳ ".repeat(Math.min(item.depth(), 3)) + Mrkdwn.fromMarkdown(item.text()))
                || !item.details().isEmpty() || !item.code().isEmpty();
    }

    private static List<String> notes(Section section, List<Item> items, boolean startsSection, boolean continued) {
        var lines = new ArrayList<String>();
        if (startsSection) {
            String title = Mrkdwn.fromMarkdown(String.join(" › ", section.path()));
            lines.add("*" + Mrkdwn.truncate(title, 280) + "*" + (continued ? " _(continued)_" : ""));
        }
        for (Item item : items) {
            if (needsNote(item)) {
                lines.add(Mrkdwn.truncate(note(item), NOTE_PER_ITEM_MAX));
            }
        }
        var blocks = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : lines) {
            if (current.length() + line.length() + 1 > SECTION_TEXT_MAX) {
                blocks.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(line);
        }
        if (!current.isEmpty()) {
            blocks.add(current.toString());
        }
        if (blocks.size() > NOTE_BLOCKS_PER_CHUNK) {
            var kept = new ArrayList<>(blocks.subList(0, NOTE_BLOCKS_PER_CHUNK));
            kept.set(NOTE_BLOCKS_PER_CHUNK - 1,
                    Mrkdwn.truncate(kept.get(NOTE_BLOCKS_PER_CHUNK - 1), SECTION_TEXT_MAX - 40)
                            + "\n_…more in the template_");
            return kept;
        }
        return blocks;
    }

    private static String note(Item item) {
        var note = new StringBuilder("• ").append(Mrkdwn.fromMarkdown(item.text()));
        for (String detail : item.details()) {
            note.append("\n      ◦ ").append(Mrkdwn.fromMarkdown(detail));
        }
        for (var code : item.code()) {
            String content = Mrkdwn.truncate(Mrkdwn.escape(code.content().strip()), 400);
            note.append("\n```").append(content.replace("```", "ˋˋˋ")).append("```");
        }
        return note.toString();
    }
}
