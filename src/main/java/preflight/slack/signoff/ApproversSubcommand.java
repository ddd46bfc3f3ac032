package preflight.slack.signoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.approval.ApproversChange;
import preflight.approval.ChannelAssignment;
import preflight.approval.RoleState;
import preflight.approval.SignoffService;
import preflight.deployment.ReleaseService;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.Refusals;
import preflight.slack.text.SlackUsers;

/**
 * {@code /deploy approvers [role] [@user @group… | clear]}: who may sign each role in this
 * channel. An assignment overrides the template's front matter for that role, in running releases
 * of the channel too. The answer only the typer sees may mention groups: that pings nobody.
 */
@Component
@Order(10)
class ApproversSubcommand implements DeploySubcommand {

    private static final int MAX_LINES = 40;

    private final SignoffService signoffs;
    private final ReleaseService deployments;

    ApproversSubcommand(SignoffService signoffs, ReleaseService deployments) {
        this.signoffs = signoffs;
        this.deployments = deployments;
    }

    @Override
    public String name() {
        return "approvers";
    }

    @Override
    public String usage() {
        return "approvers [role @user @group…]` — who may sign each role here, e.g. "
                + "`/deploy approvers QA Lead @dana @qa-team` (`… QA Lead clear` goes back to the template)";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        String channel = command.getChannelId();
        var actor = SlackUsers.actor(command);
        return switch (ApproversCommand.parse(String.join(" ", args), signoffs.knownRoles(channel))) {
            case ApproversCommand.Problem(String message) -> new Reply(message);
            case ApproversCommand.ShowAll all -> new Reply(overview(channel, null));
            case ApproversCommand.Show(String role) -> new Reply(overview(channel, role));
            case ApproversCommand.Assign(String role, var approvers) -> said(command,
                    signoffs.assign(channel, role, approvers, actor));
            case ApproversCommand.Clear(String role) -> said(command, signoffs.clear(channel, role, actor));
        };
    }

    /** A change is said in the channel, so a change of who signs is never silent. */
    private static Reply said(SlashCommandPayload command, ApproversChange change) {
        String who = "<@" + command.getUserId() + ">";
        return switch (change) {
            case ApproversChange.Refused(var why) -> new Reply(Refusals.of(why));
            case ApproversChange.NothingToClear(String role) -> new Reply("*" + Mrkdwn.escape(role)
                    + "* had no approvers assigned in this channel; nothing changed.");
            case ApproversChange.Assigned(String role, var before, var after) -> Reply.inChannel(who + " made "
                    + SignoffFormat.approvers(after) + (after.size() == 1 ? " the approver" : " the approvers")
                    + " for *" + Mrkdwn.escape(role) + "* in this channel" + (before.isEmpty() ? ""
                    : " (until now: " + SignoffFormat.approvers(before) + ")")
                    + ". Running releases follow where the role is not decided yet.");
            case ApproversChange.Cleared(String role, var before) -> Reply.inChannel(who + " cleared this channel's"
                    + " approvers for *" + Mrkdwn.escape(role) + "* (until now: " + SignoffFormat.approvers(before)
                    + "): the template's approvers apply again (or, where it names none, anyone but the release starter).");
        };
    }

    /** Channel assignments, then the roles of running releases that have none; or one role only. */
    private String overview(String channel, String onlyRole) {
        var lines = new LinkedHashMap<String, String>();
        Map<String, ChannelAssignment> assignments = signoffs.assignments(channel);
        assignments.forEach((key, assignment) -> lines.put(key, "• *" + Mrkdwn.escape(assignment.role()) + "* — "
                + SignoffFormat.approverMentions(assignment.approvers()) + " (set by <@" + assignment.by().id() + ">)"));
        for (var deployment : deployments.activeInChannel(channel)) {
            for (RoleState role : signoffs.roles(deployment)) {
                String key = role.name().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                lines.computeIfAbsent(key, k -> "• *" + SignoffFormat.roleName(role) + "* — " + (role.approvers().isEmpty()
                        ? "nobody assigned: anyone but the release starter may sign"
                        : SignoffFormat.approverMentions(role.approvers()) + " (from template `"
                        + Mrkdwn.escape(deployment.templateName()) + "`)"));
            }
        }
        var shown = new ArrayList<String>();
        if (onlyRole != null) {
            String key = onlyRole.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            shown.add(lines.getOrDefault(key, "• *" + Mrkdwn.escape(onlyRole) + "* — no approvers assigned in this"
                    + " channel: the template's approvers apply (or, where it names none, anyone but the release starter)."));
        } else if (lines.isEmpty()) {
            return "No approvers are assigned in this channel and no release is running. Assign some with"
                    + " `/deploy approvers <role> @user @group…`.";
        } else {
            lines.values().stream().limit(MAX_LINES).forEach(shown::add);
            if (lines.size() > MAX_LINES) {
                shown.add("…and " + (lines.size() - MAX_LINES) + " more roles.");
            }
        }
        return Mrkdwn.truncate("*Sign-off approvers in this channel*\n" + String.join("\n", shown)
                + "\nSet with `/deploy approvers <role> @user @group…`; `/deploy approvers <role> clear` goes back to"
                + " the template.", 3900);
    }
}
