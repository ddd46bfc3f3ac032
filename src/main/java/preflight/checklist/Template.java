package preflight.checklist;

/** A parsed template; {@code origin} says which file (and commit) it was read from, null for one made in code. */
public record Template(String name, String source, Checklist checklist, TemplateOrigin origin) {

    public Template(String name, String source, Checklist checklist) {
        this(name, source, checklist, null);
    }

    /** The commit the template was read at, or null when it does not come from Git. */
    public String commit() {
        return origin == null ? null : origin.commit();
    }
}
