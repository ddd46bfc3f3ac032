package preflight.slack.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import preflight.deployment.Actor;

/**
 * People named in command text. With {@code should_escape: true} Slack sends a user picked from
 * its autocomplete as {@code <@U123|name>} and a user group as {@code <!subteam^S123|@team>};
 * raw ids (U…, W…, S…) are accepted too.
 */
public final class SlackMentions {

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern GROUP = Pattern.compile("<!subteam\\^(S[A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern RAW_ID = Pattern.compile("[UWS][A-Z0-9]{8,}");
    /** A mention may hold spaces (a display name), so it is one token up to its {@code >}. */
    public static final Pattern TOKEN = Pattern.compile("<[^>]*>|\\S+");

    /** {@code handle} is how a group was mentioned ("@release-team"), to name it without pinging it. */
    public record Mention(String id, String handle) {
    }

    public record Parsed(List<Mention> mentions, List<String> unreadable) {

        public List<String> ids() {
            return mentions.stream().map(Mention::id).toList();
        }
    }

    private SlackMentions() {
    }

    public static Parsed parse(String text) {
        var mentions = new LinkedHashMap<String, Mention>();
        var unreadable = new ArrayList<String>();
        var tokens = TOKEN.matcher(text == null ? "" : text);
        while (tokens.find()) {
            String token = tokens.group().replaceAll("[,;]+$", "");
            if (token.isEmpty()) {
                continue;
            }
            var user = USER.matcher(token);
            var group = GROUP.matcher(token);
            if (user.matches()) {
                mentions.putIfAbsent(user.group(1), new Mention(user.group(1), null));
            } else if (group.matches()) {
                mentions.putIfAbsent(group.group(1), new Mention(group.group(1), group.group(2)));
            } else if (RAW_ID.matcher(token).matches()) {
                mentions.putIfAbsent(token, new Mention(token, null));
            } else {
                unreadable.add(token);
            }
        }
        return new Parsed(List.copyOf(mentions.values()), List.copyOf(unreadable));
    }

    /** One person who did something: a mention for a Slack user, the name as code for a pipeline's token. */
    public static String person(String id) {
        return id.startsWith(Actor.TOKEN_PREFIX) ? "`" + Mrkdwn.escape(id) + "`" : "<@" + id + ">";
    }

    /** For answers only the reader sees: users and groups as mentions (they render as names and ping nobody). */
    public static String show(List<String> ids) {
        return String.join(", ", ids.stream()
                .map(id -> SlackIds.isGroup(id) ? "<!subteam^" + id + ">" : "<@" + id + ">")
                .toList());
    }

    /**
     * For messages in the channel: users as mentions, groups by the handle they were named with (or
     * their id), never as a {@code <!subteam^…>} mention, which would ping the whole group.
     */
    public static String quiet(List<String> ids, Map<String, String> handles) {
        return String.join(", ", ids.stream()
                .map(id -> !SlackIds.isGroup(id) ? "<@" + id + ">"
                        : handles.get(id) != null ? Mrkdwn.escape(handles.get(id)) + " (group)" : "group `" + id + "`")
                .toList());
    }
}
