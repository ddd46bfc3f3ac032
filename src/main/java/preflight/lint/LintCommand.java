package preflight.lint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import preflight.checklist.Checklist;
import preflight.checklist.ChecklistParser;
import preflight.checklist.Item;
import preflight.checklist.ProbeDefinition;
import preflight.checklist.Section;
import preflight.checklist.TemplateLint;
import preflight.probe.ProbeRunner;
import preflight.slack.preview.BlockKitPreview;

/**
 * {@code java -jar preflight.jar lint [--preview[=folder]] <file-or-folder>…}: parses each template as the bot would
 * and prints what a release of it posts, and every problem as {@code file:line: error: …}. Exit status 1 when any
 * file has an error, 2 on a usage error, 0 otherwise. Runs before (and without) Spring: no database, no Slack.
 */
public final class LintCommand {

    static final String DEFAULT_PREVIEW_FOLDER = "preflight-preview";

    private LintCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> paths = new ArrayList<>();
        Path preview = null;
        for (String arg : args) {
            if (arg.equals("--preview")) {
                preview = Path.of(DEFAULT_PREVIEW_FOLDER);
            } else if (arg.startsWith("--preview=")) {
                preview = Path.of(arg.substring("--preview=".length()));
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(usage());
                return 0;
            } else if (arg.startsWith("-")) {
                err.println("unknown option " + arg + "\n" + usage());
                return 2;
            } else {
                paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty()) {
            err.println(usage());
            return 2;
        }
        var previews = new BlockKitPreview();
        int errors = 0;
        int templates = 0;
        for (var result : new TemplateLint(new ChecklistParser(ProbeRunner.withDefaults())).lint(paths)) {
            if (!result.ok()) {
                errors++;
                var problem = result.problem();
                err.println(problem.template() + (problem.line() > 0 ? ":" + problem.line() : "") + ": error: " + problem.problem());
                continue;
            }
            templates++;
            var template = result.template();
            out.println(result.file() + ": ok — " + template.name() + " “" + template.checklist().title() + "”");
            summary(template.checklist(), out);
            try {
                var messages = preview == null ? previews.messages(template) : previews.write(template, preview);
                out.println("  messages: " + messages.size() + " (" + messages.stream()
                        .map(m -> m.kind() + " " + m.blocks() + " blocks").collect(Collectors.joining(", ")) + ")");
                if (preview != null) {
                    out.println("  preview: " + preview.resolve(template.name()).resolve("index.html")
                            + " (Block Kit JSON per message; links to Slack's Block Kit Builder in links.txt)");
                }
            } catch (IOException e) {
                errors++;
                err.println(result.file() + ": error: cannot write the preview: " + e.getMessage());
            }
        }
        out.println(templates + " template" + (templates == 1 ? "" : "s") + " ok, " + errors + " with errors");
        return errors > 0 ? 1 : 0;
    }

    private static void summary(Checklist checklist, PrintStream out) {
        out.println("  sections: " + checklist.sections().size());
        for (Section section : checklist.sections()) {
            out.println("    " + String.join(" › ", section.path()) + " — " + section.items().size() + " items"
                    + (section.postDeploy() ? " (post-deploy)" : "") + (section.signoff() ? " (sign-off)" : ""));
        }
        List<Item> postDeploy = checklist.postDeploySections().stream().flatMap(s -> s.items().stream()).toList();
        out.println("  items: " + checklist.items().size() + ", post-deploy items: " + postDeploy.size());
        out.println("  sign-off roles: " + (checklist.signoffRoles().isEmpty() ? "none" : checklist.signoffRoles().stream()
                .map(role -> role.name() + (role.approvers().isEmpty() ? "" : " " + role.approvers()))
                .collect(Collectors.joining(", "))));
        out.println("  probes: " + (checklist.probes().isEmpty() ? "none" : checklist.probes().stream()
                .map(LintCommand::probe).collect(Collectors.joining(", "))));
        if (!checklist.oncall().isEmpty()) {
            out.println("  on-call: " + String.join(", ", checklist.oncall()));
        }
        if (checklist.monitoring().window() != null || !checklist.monitoring().checkins().isEmpty()) {
            out.println("  monitoring: window " + (checklist.monitoring().window() == null ? "default"
                    : checklist.monitoring().window()) + ", check-ins " + checklist.monitoring().checkins());
        }
    }

    private static String probe(ProbeDefinition probe) {
        return probe.id() + " (" + probe.kind() + " " + probe.target()
                + (probe.ticks().isEmpty() ? "" : ", ticks " + probe.ticks()) + ")";
    }

    static String usage() {
        return "usage: preflight lint [--preview[=folder]] <file-or-folder>…\n"
                + "  parses each *.md template as the bot would; exit status 1 on any error\n"
                + "  --preview  also writes each message's Block Kit JSON and a Block Kit Builder link per message"
                + " (default folder: " + DEFAULT_PREVIEW_FOLDER + ")";
    }
}
