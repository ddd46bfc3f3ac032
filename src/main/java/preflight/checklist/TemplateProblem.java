package preflight.checklist;

/**
 * A template file that does not load. For a Git source, {@code source} names it and {@code commit} is the commit
 * the broken file was read at; both are null for a folder.
 */
public record TemplateProblem(String template, int line, String problem, String source, String commit) {

    public TemplateProblem(String template, int line, String problem) {
        this(template, line, problem, null, null);
    }
}
