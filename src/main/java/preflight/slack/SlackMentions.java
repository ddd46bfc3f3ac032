package preflight.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * People named in command text. With {@code should_escape: false} Slack sends a user as
 * {@code <@U123|name>} and a user group as {@code <!subteam^S123|@team>}; raw ids are accepted too.
 */
final class SlackMentions {

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]{2,})(?:\\|[^>]*)?>|([UW][A-Z0-9]{2,})");
    private static final Pattern GROUP = Pattern.compile("<!subteam\\^(S[A-Z0-9]{2,})(?:\\|[^>]*)?>|(S[A-Z0-9]{2,})");

    record Parsed(List<String> ids, List<String> notMentions) {
    }

    private SlackMentions() {
    }

    static Parsed parse(List<String> words) {
        var ids = new ArrayList<String>();
        var rest = new ArrayList<String>();
        for (String word : words) {
            var user = USER.matcher(word);
            var group = GROUP.matcher(word);
            if (user.matches()) {
                add(ids, user.group(1) != null ? user.group(1) : user.group(2));
            } else if (group.matches()) {
                add(ids, group.group(1) != null ? group.group(1) : group.group(2));
            } else {
                rest.add(word);
            }
        }
        return new Parsed(List.copyOf(ids), List.copyOf(rest));
    }

    /** How to show people in Slack: users and groups as mentions (they render as names). */
    static String show(List<String> ids) {
        return String.join(", ", ids.stream()
                .map(id -> id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">")
                .toList());
    }

    private static void add(List<String> ids, String id) {
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }
}
