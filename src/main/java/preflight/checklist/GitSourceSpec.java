package preflight.checklist;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code PREFLIGHT_TEMPLATES_GIT}: {@code url[#branch][:path]}. A {@code :path} without a branch is
 * recognised after {@code .git} ({@code https://host/acme/api.git:deploy/}); otherwise write {@code url#:path} or
 * {@code url#main:path}.
 *
 * @param branch null for the remote's default branch
 * @param path   folder (or one {@code .md} file) in the repository, without leading or trailing slash; "" for the root
 */
record GitSourceSpec(String url, String branch, String path) {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/:\\s]+@)?([^/:\\s]+):(.+)$");

    static List<GitSourceSpec> parseAll(String value) {
        List<GitSourceSpec> specs = new ArrayList<>();
        if (value == null) {
            return specs;
        }
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                specs.add(parse(entry.strip()));
            }
        }
        return specs;
    }

    static GitSourceSpec parse(String entry) {
        String url = entry;
        String rest = null;
        int hash = entry.indexOf('#');
        if (hash >= 0) {
            url = entry.substring(0, hash);
            rest = entry.substring(hash + 1);
        } else {
            int dotGit = entry.lastIndexOf(".git:");
            if (dotGit > 0) {
                url = entry.substring(0, dotGit + 4);
                rest = ":" + entry.substring(dotGit + 5);
            }
        }
        String branch = null;
        String path = "";
        if (rest != null) {
            int colon = rest.indexOf(':');
            branch = colon < 0 ? rest : rest.substring(0, colon);
            path = colon < 0 ? "" : rest.substring(colon + 1);
        }
        if (url.isBlank()) {
            throw new IllegalArgumentException("a templates Git source has no URL: '" + withoutCredentials(entry) + "'");
        }
        branch = branch == null || branch.isBlank() ? null : branch.strip();
        path = path.strip().replaceAll("^/+|/+$", "");
        return new GitSourceSpec(url.strip(), branch, path);
    }

    /** The remote as it can be shown and logged: user and password of an URL removed. */
    String location() {
        return withoutCredentials(url);
    }

    static String withoutCredentials(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("");
    }

    /** {@code acme-api} for {@code https://github.com/acme/api.git}: the last two segments of the repository path. */
    String defaultId() {
        List<String> segments = repositoryPath();
        String last = segments.isEmpty() ? "git" : segments.getLast();
        String id = segments.size() >= 2 ? segments.get(segments.size() - 2) + "-" + last : last;
        return TemplateCatalogue.sourceId(id.toLowerCase(Locale.ROOT));
    }

    /** A web page of {@code file} at {@code commit}, when the remote is GitHub or GitLab; else null. */
    String webLink(String commit, String file) {
        String host = host();
        List<String> segments = repositoryPath();
        if (host == null || segments.size() < 2) {
            return null;
        }
        String repository = "https://" + host + "/" + String.join("/", segments);
        if (host.equals("github.com")) {
            return repository + "/blob/" + commit + "/" + file;
        }
        if (host.contains("gitlab")) {
            return repository + "/-/blob/" + commit + "/" + file;
        }
        return null;
    }

    private String host() {
        try {
            if (url.contains("://")) {
                String host = URI.create(url).getHost();
                return host == null ? null : host.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        Matcher scp = SCP_LIKE.matcher(url);
        return scp.matches() ? scp.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private List<String> repositoryPath() {
        String path;
        if (url.contains("://")) {
            int start = url.indexOf('/', url.indexOf("://") + 3);
            path = start < 0 ? "" : url.substring(start);
        } else {
            Matcher scp = SCP_LIKE.matcher(url);
            path = scp.matches() ? scp.group(2) : url;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isBlank()) {
                segments.add(segment);
            }
        }
        if (!segments.isEmpty() && segments.getLast().endsWith(".git")) {
            String last = segments.removeLast();
            segments.add(last.substring(0, last.length() - 4));
        }
        return segments;
    }

    @Override
    public String toString() {
        return location() + (branch == null ? "" : "#" + branch) + (path.isEmpty() ? "" : ":" + path);
    }
}
