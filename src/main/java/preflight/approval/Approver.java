package preflight.approval;

import java.util.regex.Pattern;

/**
 * A Slack user ({@code U…}/{@code W…}) or user group ({@code S…}) who may sign a role. A group may
 * carry the handle it was mentioned with, so that messages can name it without pinging it; which
 * of the two an id is, is asked of {@link preflight.deployment.GroupMembers}.
 */
public record Approver(String id, String handle) {

    private static final Pattern ID = Pattern.compile("[UWS][A-Z0-9]{2,}");
    private static final Pattern HANDLE = Pattern.compile("@?[\\p{L}\\p{N}._-]{1,80}");

    public Approver {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Slack user or user-group id: " + id);
        }
        handle = handle == null || !HANDLE.matcher(handle).matches() ? null
                : handle.startsWith("@") ? handle : "@" + handle;
    }

    public static Approver of(String id) {
        return new Approver(id, null);
    }

    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** How it is stored: the id, and for a group with a known handle {@code S0123|@qa-team}. */
    String token() {
        return handle == null ? id : id + "|" + handle;
    }

    static Approver fromToken(String token) {
        int bar = token.indexOf('|');
        return bar < 0 ? of(token) : new Approver(token.substring(0, bar), token.substring(bar + 1));
    }
}
