package preflight.checklist;

/**
 * Where a template came from: its source (a folder, a Git repository), the file in it and, for Git, the commit and
 * a web link to the file at that commit (GitHub and GitLab remotes only). Never holds credentials.
 *
 * @param source the source's short name, also the qualifier of a template name several sources define
 * @param file   the file in the source, e.g. {@code deploy/api.md}
 * @param commit the full commit id, or null for a folder or the built-in template
 * @param link   a web page of the file at that commit, or null
 */
public record TemplateOrigin(String source, String file, String commit, String link) {

    public String shortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(7, commit.length()));
    }

    /** The file's name without its folders: what a person recognises ({@code api.md}). */
    public String fileName() {
        return file == null ? null : file.substring(file.lastIndexOf('/') + 1);
    }
}
