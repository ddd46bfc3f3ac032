package preflight.checklist;

public record Template(String name, String source, Checklist checklist) {
}
