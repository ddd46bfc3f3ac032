package preflight.slack.signoff;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import preflight.approval.Approver;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackMentions;

/**
 * Reads {@code /deploy approvers [role] [@user @group… | clear]}. Slack sends mentions picked from
 * its autocomplete as {@code <@U123|name>} and {@code <!subteam^S123|@handle>}. Role names have
 * spaces, so the role is the longest known role name the text starts with, or a quoted name.
 */
final class ApproversCommand {

    private static final Pattern CLEAR = Pattern.compile("(?i)clear|none|reset");
    private static final int MAX_ROLE = 80;

    sealed interface Parsed {
    }

    record ShowAll() implements Parsed {
    }

    record Show(String role) implements Parsed {
    }

    record Assign(String role, List<Approver> approvers) implements Parsed {
    }

    record Clear(String role) implements Parsed {
    }

    /** The command cannot be read; {@code message} says why (mrkdwn, escaped). */
    record Problem(String message) implements Parsed {
    }

    private ApproversCommand() {
    }

    static Parsed parse(String text, List<String> knownRoles) {
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            return new ShowAll();
        }
        String role;
        if (rest.startsWith("\"") || rest.startsWith("“")) {
            int close = indexOfClosingQuote(rest);
            if (close < 0) {
                return new Problem("The role name's closing quote is missing, e.g. `/deploy approvers \"Release Captain\" @alice`.");
            }
            role = rest.substring(1, close).strip().replaceAll("\\s+", " ");
            rest = rest.substring(close + 1).strip();
            if (role.isEmpty() || role.length() > MAX_ROLE || role.contains("<") || role.contains(">")) {
                return new Problem("A role name is 1 to " + MAX_ROLE + " characters, without `<` or `>`.");
            }
        } else {
            var known = longestKnownPrefix(rest, knownRoles);
            if (known == null) {
                return new Problem(unknownRole(rest, knownRoles));
            }
            role = known;
            rest = rest.substring(known.length()).strip();
        }
        if (rest.isEmpty()) {
            return new Show(role);
        }
        if (CLEAR.matcher(rest).matches()) {
            return new Clear(role);
        }
        var people = SlackMentions.parse(rest);
        if (!people.unreadable().isEmpty()) {
            return new Problem("I could not read " + String.join(", ", people.unreadable().stream()
                    .map(t -> "`" + Mrkdwn.escape(Mrkdwn.truncate(t, 40)) + "`").toList())
                    + " as a person or user group. Pick them from Slack's @-autocomplete so they arrive as mentions,"
                    + " or give their Slack ids (U…, S…).");
        }
        return new Assign(role, people.mentions().stream()
                .map(mention -> new Approver(mention.id(), mention.handle())).toList());
    }

    private static int indexOfClosingQuote(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '”' || c == '“') {
                return i;
            }
        }
        return -1;
    }

    /** The known role the text starts with, as the template spells it; the longest wins ("QA Lead" over "QA"). */
    private static String longestKnownPrefix(String text, List<String> knownRoles) {
        String lower = text.toLowerCase(Locale.ROOT);
        return knownRoles.stream()
                .map(role -> role.strip().replaceAll("\\s+", " "))
                .filter(role -> !role.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(role -> lower.startsWith(role.toLowerCase(Locale.ROOT))
                        && (text.length() == role.length() || Character.isWhitespace(text.charAt(role.length()))))
                .findFirst()
                .orElse(null);
    }

    private static String unknownRole(String text, List<String> knownRoles) {
        var mention = SlackMentions.TOKEN.matcher(text);
        String first = mention.find() ? mention.group() : text;
        String start = first.startsWith("<") ? "Name the role first, then the people: " : "I don't know a sign-off role `"
                + Mrkdwn.escape(Mrkdwn.truncate(text.split("\\s+<")[0], 60)) + "` here. ";
        String known = knownRoles.isEmpty() ? "" : "Known roles: " + String.join(", ", knownRoles.stream()
                .limit(30).map(role -> "`" + Mrkdwn.escape(role) + "`").toList()) + ". ";
        return start + known + "To name another role, quote it: `/deploy approvers \"Release Captain\" @alice`.";
    }
}
