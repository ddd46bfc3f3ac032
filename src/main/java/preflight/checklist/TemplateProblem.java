package preflight.checklist;

public record TemplateProblem(String template, int line, String problem) {
}
