package preflight.slack.signoff;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import preflight.approval.Approver;
import preflight.approval.RoleState;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackIds;

/**
 * How sign-off roles read in Slack. Posted messages name user groups by handle only: a
 * {@code <!subteam^…>} mention there would ping the whole group on every release. Ephemeral
 * answers, which ping nobody, mention them properly so they can be clicked.
 */
final class SignoffFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SignoffFormat() {
    }

    /** For messages in the channel: users as mentions, groups by handle (or id) without pinging them. */
    static String approvers(List<Approver> approvers) {
        return approvers.stream()
                .map(approver -> !SlackIds.isGroup(approver.id()) ? "<@" + approver.id() + ">"
                        : approver.handle() != null ? Mrkdwn.escape(approver.handle()) + " (group)"
                        : "group `" + approver.id() + "`")
                .collect(Collectors.joining(", "));
    }

    /** For answers only the reader sees: groups as real mentions, which ping nobody there. */
    static String approverMentions(List<Approver> approvers) {
        return approvers.stream()
                .map(approver -> !SlackIds.isGroup(approver.id()) ? "<@" + approver.id() + ">"
                        : "<!subteam^" + approver.id() + (approver.handle() == null ? "" : "|" + approver.handle()) + ">")
                .collect(Collectors.joining(", "));
    }

    /** Who may sign a waiting role, for messages: where the rule comes from when the channel set it. */
    static String whoCanSign(RoleState role) {
        if (role.onlyTheStarter()) {
            return "⚠️ only " + approvers(role.approvers()) + ", who started this release and so may not sign it:"
                    + " nobody can sign this role until someone else is named (`/deploy approvers "
                    + Mrkdwn.escape(Mrkdwn.truncate(role.name(), 60)) + " @someone`)";
        }
        String who = role.approvers().isEmpty() ? "anyone but the release starter" : approvers(role.approvers());
        return role.assignedBy() == null ? who : who + " — set in this channel by <@" + role.assignedBy().id() + ">";
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String roleName(RoleState role) {
        return Mrkdwn.escape(Mrkdwn.truncate(role.name(), 120));
    }

    /** One line, escaped and cut: reasons are free text from the person who rejected. */
    static String reason(String reason, int max) {
        return Mrkdwn.truncate(Mrkdwn.escape(reason.strip().replaceAll("\\s*\\R\\s*", " ")), max);
    }

    /** "approved by @x · 21 Nov 09:30 UTC", "rejected by @x · …: “reason”" or "waiting · can sign: …". */
    static String state(RoleState role, int reasonMax) {
        var decision = role.decision();
        if (decision == null) {
            return "waiting · can sign: " + whoCanSign(role);
        }
        String by = "by <@" + decision.by().id() + "> · " + time(decision.at());
        return role.approved() ? "approved " + by
                : "rejected " + by + ": “" + reason(decision.reason() == null ? "" : decision.reason(), reasonMax) + "”";
    }

    static String icon(RoleState role) {
        return role.approved() ? "✅" : role.rejected() ? "❌" : "⏳";
    }
}
