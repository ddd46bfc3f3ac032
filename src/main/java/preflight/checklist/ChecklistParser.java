package preflight.checklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns a Markdown checklist template (with optional YAML front matter) into a {@link Checklist}. */
public final class ChecklistParser {

    private final ProbeKinds probeKinds;

    public ChecklistParser(ProbeKinds probeKinds) {
        this.probeKinds = probeKinds;
    }

    /** Problems name the template as its file, {@code <name>.md}, because that is what an admin has to open. */
    public Checklist parse(String name, String markdown) throws TemplateException {
        String file = name.endsWith(".md") ? name : name + ".md";
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        List<String> lines = Arrays.asList(text.split("\r\n|\r|\n", -1));

        int bodyStart = 0;
        String yaml = null;
        if (!lines.isEmpty() && lines.getFirst().stripTrailing().equals("---")) {
            int end = closingFrontMatterLine(lines);
            if (end < 0) {
                throw new TemplateException(file, 1, "front matter starts with --- but is not closed by another --- line");
            }
            yaml = String.join("\n", lines.subList(1, end));
            bodyStart = end + 1;
        }

        MarkdownReader.Outline outline = new MarkdownReader(file, name, lines, bodyStart).read();
        List<Item> items = outline.sections().stream().flatMap(section -> section.items().stream()).toList();
        if (items.isEmpty()) {
            throw new TemplateException(file, 1, "no checklist items");
        }

        FrontMatterReader.FrontMatter front = yaml == null
                ? FrontMatterReader.FrontMatter.empty()
                : new FrontMatterReader(file, 2, probeKinds).read(yaml, items);
        return new Checklist(name, outline.title(), outline.sections(), mergeRoles(outline.roles(), front.signoff()),
                front.probes(), front.oncall(), front.monitoring());
    }

    private static int closingFrontMatterLine(List<String> lines) {
        for (int index = 1; index < lines.size(); index++) {
            String line = lines.get(index).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return index;
            }
        }
        return -1;
    }

    /** Front matter names who may sign a role found in the Markdown, or adds a role the Markdown does not list. */
    private static List<SignoffRole> mergeRoles(List<SignoffRole> markdownRoles, List<SignoffRole> frontMatterRoles) {
        Map<String, SignoffRole> configured = frontMatterRoles.stream()
                .collect(Collectors.toMap(role -> role.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        List<SignoffRole> roles = new ArrayList<>();
        for (SignoffRole role : markdownRoles) {
            SignoffRole extra = configured.remove(role.name().toLowerCase(Locale.ROOT));
            roles.add(extra == null ? role : new SignoffRole(role.name(), role.description(), extra.approvers(), role.line()));
        }
        frontMatterRoles.stream()
                .filter(role -> configured.containsKey(role.name().toLowerCase(Locale.ROOT)))
                .forEach(roles::add);
        return roles;
    }
}
