package preflight.checklist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown body of a template: headings, checkbox items with their details and code, sign-off roles.
 * Long on purpose: it is one pass over the lines with one state (the heading path, the open item, the open
 * fence), and the shapes real checklists take (see DESIGN.md) interact through that state; split into
 * classes, each would need the whole state anyway.
 */
final class MarkdownReader {

    record Outline(String title, List<Section> sections, List<SignoffRole> roles) {
    }

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^([ \\t]*)(`{3,}|~{3,})[ \\t]*([^ \\t`]*).*$");
    private static final Pattern CHECKBOX = Pattern.compile("^([ \\t]*)(?:[-*+]|\\d+[.)])[ \\t]+\\[([ xX])\\](.*)$");
    private static final Pattern BULLET = Pattern.compile("^([ \\t]*)(?:[-*+]|\\d+[.)])(?:[ \\t]+(.*))?$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^[ \\t]*\\|.*");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");
    private static final Pattern EXPLICIT_ID = Pattern.compile("[ \\t]*\\{#([A-Za-z0-9_-]+)\\}[ \\t]*$");
    private static final Pattern LEADING_WHITESPACE = Pattern.compile("^[ \\t]*");

    /*
     * Post-deploy sections are the watch that happens after the release is out, which the monitoring reminder shows:
     * a time window after shipping ("Monitor for 24 hours", "Within 24 Hours", "First week", "Monitoring (first 24h)")
     * or an after-release phase ("After Successful Deployment", "Post-Deployment Review", "Post-Deployment Tasks",
     * hypercare). "Post-Deployment Verification", "Smoke Tests" or a bare "Post-Deployment Checklist" are the checks
     * that decide whether the release ships, so they are not post-deploy. A heading marks all sections below it.
     */
    private static final List<Pattern> POST_DEPLOY = List.of(
            Pattern.compile("(?i)\\b(within|first|next|after|over|for|during)\\s+(the\\s+)?(first\\s+)?"
                    + "(\\d+\\s*-?\\s*(h|hrs?|hours?|d|days?|w|weeks?)|((one|two|three|a|an)\\s+)?(hours?|days?|weeks?))\\b"),
            Pattern.compile("(?i)\\b(monitor\\w*|watch\\w*|observ\\w*|soak\\w*)\\b.*\\b\\d+\\s*-?\\s*(h|hrs?|hours?|d|days?)\\b"),
            Pattern.compile("(?i)\\b\\d+\\s*-?\\s*(h|hrs?|hours?|d|days?)\\b.*\\b(monitor\\w*|watch\\w*|observ\\w*|soak\\w*)\\b"),
            Pattern.compile("(?i)\\bafter\\s+(the\\s+)?(a\\s+)?(successful\\s+)?(deploy\\w*|release\\w*|launch\\w*|go[- ]?live|rollout|roll-out|shipping|ship)\\b"),
            Pattern.compile("(?i)\\bpost[- ]?(deploy\\w*|release|launch|go[- ]?live|rollout)\\s+(review|tasks?|monitoring|follow[- ]?ups?|watch|observation|retro\\w*)\\b"),
            Pattern.compile("(?i)\\bhyper-?care\\b"));

    private record Heading(int level, String text, int line, boolean signoff, boolean postDeploy) {
    }

    private static final class ItemDraft {
        final int ordinal;
        final String explicitId;
        final String text;
        final int depth;
        final ItemDraft parent;
        final boolean checked;
        final int line;
        final boolean signoff;
        final List<String> details = new ArrayList<>();
        final List<CodeBlock> code = new ArrayList<>();
        int children;
        String id;

        ItemDraft(int ordinal, String explicitId, String text, int depth, ItemDraft parent, boolean checked, int line,
                  boolean signoff) {
            this.ordinal = ordinal;
            this.explicitId = explicitId;
            this.text = text;
            this.depth = depth;
            this.parent = parent;
            this.checked = checked;
            this.line = line;
            this.signoff = signoff;
        }
    }

    private record SectionDraft(List<String> path, boolean postDeploy, boolean signoff, int line, List<ItemDraft> items) {
    }

    private record OpenItem(int indent, ItemDraft item) {
    }

    private record RoleDraft(String name, String description, int line) {
    }

    private static final class Fence {
        final char marker;
        final int length;
        final int indent;
        final String language;
        final List<String> lines = new ArrayList<>();

        Fence(char marker, int length, int indent, String language) {
            this.marker = marker;
            this.length = length;
            this.indent = indent;
            this.language = language;
        }
    }

    private final String file;
    private final String fallbackTitle;
    private final List<String> lines;
    private final int firstLine;

    private final Deque<Heading> headings = new ArrayDeque<>();
    private final List<SectionDraft> sections = new ArrayList<>();
    private final List<ItemDraft> items = new ArrayList<>();
    private final Deque<OpenItem> openItems = new ArrayDeque<>();
    private final List<RoleDraft> roles = new ArrayList<>();
    private String title;
    private boolean titleSeen;
    private SectionDraft section;
    private ItemDraft lastItem;
    private ItemDraft detailTarget;
    private boolean previousBlank = true;
    private Fence fence;
    private List<String> tableHeader;
    private int tableRoleColumn = -1;
    private int tableDescriptionColumn = -1;

    /** firstLine is the index in lines where the Markdown body starts (after any front matter). */
    MarkdownReader(String file, String fallbackTitle, List<String> lines, int firstLine) {
        this.file = file;
        this.fallbackTitle = fallbackTitle;
        this.lines = lines;
        this.firstLine = firstLine;
    }

    Outline read() {
        title = findTitle();
        for (int index = firstLine; index < lines.size(); index++) {
            readLine(lines.get(index), index + 1);
        }
        if (fence != null) {
            closeFence();
        }
        assignIds();
        return new Outline(title, buildSections(), buildRoles());
    }

    private String findTitle() {
        for (int index = firstLine; index < lines.size(); index++) {
            String line = lines.get(index);
            Matcher open = FENCE.matcher(line);
            if (fence != null) {
                if (closesFence(line)) {
                    fence = null;
                }
                continue;
            }
            if (open.matches()) {
                fence = new Fence(open.group(2).charAt(0), open.group(2).length(), 0, "");
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches() && heading.group(1).length() == 1 && heading.group(2) != null) {
                String text = MarkdownText.stripEmphasis(heading.group(2));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        fence = null;
        return fallbackTitle;
    }

    private void readLine(String line, int lineNumber) {
        if (fence != null) {
            if (closesFence(line)) {
                closeFence();
            } else {
                fence.lines.add(line);
            }
            return;
        }
        Matcher matcher;
        if ((matcher = FENCE.matcher(line)).matches()) {
            endTable();
            String marker = matcher.group(2);
            fence = new Fence(marker.charAt(0), marker.length(), MarkdownText.indentColumns(matcher.group(1)), matcher.group(3));
            previousBlank = false;
            return;
        }
        if (line.isBlank()) {
            endTable();
            previousBlank = true;
            return;
        }
        if ((matcher = HEADING.matcher(line)).matches()) {
            endTable();
            heading(matcher.group(1).length(), matcher.group(2) == null ? "" : matcher.group(2), lineNumber);
        } else if (RULE.matcher(line).matches()) {
            endTable();
            detailTarget = null;
        } else if (TABLE_ROW.matcher(line).matches()) {
            tableRow(line, lineNumber);
            detailTarget = null;
        } else if ((matcher = CHECKBOX.matcher(line)).matches()) {
            endTable();
            item(MarkdownText.indentColumns(matcher.group(1)), !matcher.group(2).equals(" "), matcher.group(3).strip(), lineNumber);
        } else if ((matcher = BULLET.matcher(line)).matches()) {
            endTable();
            String text = matcher.group(2) == null ? "" : matcher.group(2).strip();
            plainLine(MarkdownText.indentColumns(matcher.group(1)), text, lineNumber, true);
        } else {
            endTable();
            plainLine(MarkdownText.indentColumns(leadingWhitespace(line)), line.strip(), lineNumber, false);
        }
        previousBlank = false;
    }

    private void heading(int level, String rawText, int lineNumber) {
        section = null;
        lastItem = null;
        detailTarget = null;
        openItems.clear();
        String text = MarkdownText.stripEmphasis(rawText);
        if (level == 1 && !titleSeen) {
            titleSeen = true;
            headings.clear();
            return;
        }
        while (!headings.isEmpty() && headings.peek().level() >= level) {
            headings.pop();
        }
        Heading parent = headings.peek();
        boolean signoff = SignoffText.isSignoffHeading(text) || parent != null && parent.signoff();
        boolean postDeploy = isPostDeploy(text) || parent != null && parent.postDeploy();
        headings.push(new Heading(level, text, lineNumber, signoff, postDeploy));
    }

    static boolean isPostDeploy(String heading) {
        return POST_DEPLOY.stream().anyMatch(pattern -> pattern.matcher(heading).find());
    }

    private void item(int indent, boolean checked, String rawText, int lineNumber) {
        while (!openItems.isEmpty() && openItems.peek().indent() >= indent) {
            openItems.pop();
        }
        ItemDraft parent = openItems.isEmpty() ? null : openItems.peek().item();
        String text = rawText;
        String explicitId = null;
        Matcher id = EXPLICIT_ID.matcher(text);
        if (id.find()) {
            explicitId = id.group(1);
            text = text.substring(0, id.start()).strip();
        }
        SectionDraft current = currentSection(lineNumber);
        ItemDraft draft = new ItemDraft(items.size() + 1, explicitId, text, openItems.size(), parent, checked, lineNumber,
                current.signoff());
        items.add(draft);
        current.items().add(draft);
        if (parent != null) {
            parent.children++;
        }
        openItems.push(new OpenItem(indent, draft));
        lastItem = draft;
        detailTarget = draft;
        if (current.signoff()) {
            SignoffText.roleFromBlankLine(text).ifPresent(role -> roles.add(new RoleDraft(role, "", lineNumber)));
        }
    }

    private void plainLine(int indent, String text, int lineNumber, boolean bullet) {
        if (inSignoff()) {
            SignoffText.roleFromBlankLine(text).ifPresent(role -> roles.add(new RoleDraft(role, "", lineNumber)));
        }
        if (detailTarget == null || text.isEmpty()) {
            return;
        }
        if (bullet || indent > 0) {
            detailOwner(indent).details.add(text);
        } else if (!previousBlank) {
            // a lazy continuation line directly below the item
            lastItem.details.add(text);
        } else {
            // prose at the margin after a blank line ends the item's block
            detailTarget = null;
        }
    }

    private ItemDraft detailOwner(int indent) {
        for (OpenItem open : openItems) {
            if (open.indent() < indent) {
                return open.item();
            }
        }
        return openItems.isEmpty() ? detailTarget : openItems.peekLast().item();
    }

    private boolean closesFence(String line) {
        String stripped = line.strip();
        if (stripped.length() < fence.length) {
            return false;
        }
        for (char c : stripped.toCharArray()) {
            if (c != fence.marker) {
                return false;
            }
        }
        return true;
    }

    private void closeFence() {
        if (lastItem != null) {
            List<String> content = fence.lines.stream().map(line -> dropIndent(line, fence.indent)).toList();
            lastItem.code.add(new CodeBlock(fence.language, String.join("\n", content)));
        }
        fence = null;
    }

    private static String dropIndent(String line, int columns) {
        int column = 0;
        int index = 0;
        while (index < line.length() && column < columns && (line.charAt(index) == ' ' || line.charAt(index) == '\t')) {
            column = line.charAt(index) == '\t' ? column + 4 - column % 4 : column + 1;
            index++;
        }
        return line.substring(index);
    }

    private void tableRow(String line, int lineNumber) {
        if (!inSignoff()) {
            return;
        }
        if (TABLE_SEPARATOR.matcher(line).matches()) {
            return;
        }
        List<String> cells = cells(line);
        if (tableHeader == null) {
            tableHeader = cells;
            tableRoleColumn = SignoffText.roleColumn(cells);
            tableDescriptionColumn = SignoffText.descriptionColumn(cells, tableRoleColumn);
            return;
        }
        if (tableRoleColumn < 0 || tableRoleColumn >= cells.size()) {
            return;
        }
        String description = tableDescriptionColumn >= 0 && tableDescriptionColumn < cells.size()
                ? SignoffText.cellText(cells.get(tableDescriptionColumn)) : "";
        SignoffText.cleanRole(SignoffText.cellText(cells.get(tableRoleColumn)))
                .ifPresent(role -> roles.add(new RoleDraft(role, description, lineNumber)));
    }

    private static List<String> cells(String line) {
        String row = line.strip();
        if (row.startsWith("|")) {
            row = row.substring(1);
        }
        if (row.endsWith("|") && !row.endsWith("\\|")) {
            row = row.substring(0, row.length() - 1);
        }
        return Arrays.stream(row.split("(?<!\\\\)\\|", -1)).map(cell -> cell.replace("\\|", "|").strip()).toList();
    }

    private void endTable() {
        tableHeader = null;
        tableRoleColumn = -1;
        tableDescriptionColumn = -1;
    }

    private boolean inSignoff() {
        return !headings.isEmpty() && headings.peek().signoff();
    }

    private SectionDraft currentSection(int lineNumber) {
        if (section == null) {
            Heading heading = headings.peek();
            List<String> path = new ArrayList<>();
            headings.descendingIterator().forEachRemaining(h -> path.add(h.text()));
            if (path.isEmpty()) {
                path.add(title);
            }
            section = heading == null
                    ? new SectionDraft(path, false, false, lineNumber, new ArrayList<>())
                    : new SectionDraft(path, heading.postDeploy(), heading.signoff(), heading.line(), new ArrayList<>());
            sections.add(section);
        }
        return section;
    }

    private void assignIds() {
        Map<String, ItemDraft> byId = new HashMap<>();
        for (ItemDraft item : items) {
            item.id = item.explicitId != null ? item.explicitId : Integer.toString(item.ordinal);
            ItemDraft earlier = byId.putIfAbsent(item.id, item);
            if (earlier != null) {
                throw new TemplateException(file, item.line,
                        "item id '" + item.id + "' is already used by the item at line " + earlier.line);
            }
        }
    }

    private List<Section> buildSections() {
        List<Section> result = new ArrayList<>();
        for (SectionDraft draft : sections) {
            List<Item> sectionItems = draft.items().stream()
                    .map(item -> new Item(item.id, item.text, item.depth, item.parent == null ? null : item.parent.id,
                            item.details, item.code, item.checked, item.line))
                    .toList();
            result.add(new Section("s" + (result.size() + 1), draft.path(), draft.postDeploy(), draft.signoff(),
                    sectionItems, draft.line()));
        }
        return result;
    }

    private List<SignoffRole> buildRoles() {
        for (ItemDraft item : items) {
            if (item.signoff && item.depth == 0 && item.children > 0) {
                SignoffText.roleFromParentItem(item.text).ifPresent(role -> roles.add(new RoleDraft(role, "", item.line)));
            }
        }
        Map<String, SignoffRole> unique = new LinkedHashMap<>();
        roles.stream()
                .sorted(Comparator.comparingInt(RoleDraft::line))
                .forEach(role -> unique.putIfAbsent(role.name().toLowerCase(Locale.ROOT),
                        new SignoffRole(role.name(), role.description(), List.of(), role.line())));
        return List.copyOf(unique.values());
    }

    private static String leadingWhitespace(String line) {
        Matcher matcher = LEADING_WHITESPACE.matcher(line);
        return matcher.find() ? matcher.group() : "";
    }
}
