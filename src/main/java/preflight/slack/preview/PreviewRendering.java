package preflight.slack.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.util.json.GsonFactory;

import preflight.approval.Approver;
import preflight.approval.RoleState;
import preflight.checklist.Checklist;
import preflight.deployment.Progress;
import preflight.deployment.Release;
import preflight.deployment.ReleaseStatus;
import preflight.slack.checklist.ChecklistLayout;
import preflight.slack.checklist.ChecklistMessageRenderer;
import preflight.slack.lifecycle.ReminderMessageRenderer;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.release.ReleaseCardRenderer;
import preflight.slack.signoff.SignoffMessageRenderer;
import preflight.slack.text.ThreadLinks;

/**
 * The messages a release of a checklist would post, rendered by the bot's own renderers for an example release
 * with nothing ticked: the entry point of the template lint's preview ({@code preflight.slack.preview}).
 */
final class PreviewRendering {

    /** One message: what it is, its notification text and its blocks as Slack receives them ({@code {"blocks":[…]}}). */
    record Message(String kind, String text, String json, int blocks) {
    }

    private PreviewRendering() {
    }

    static List<Message> messages(String templateName, Checklist checklist) {
        Instant now = Instant.now();
        var release = new Release(0L, 0, "C0PREVIEW", "v1.0", "production", templateName, "",
                "U0PREVIEW", "preview", ReleaseStatus.IN_PROGRESS, now, now);
        List<Message> messages = new ArrayList<>();
        messages.add(message("card", new ReleaseCardRenderer(List.of(), null, null).render(release,
                new Progress(0, checklist.items().size()))));
        var checklistRenderer = new ChecklistMessageRenderer(null);
        int n = 1;
        for (var plan : ChecklistLayout.plan(checklist)) {
            messages.add(message("checklist-" + n++, checklistRenderer.render(release, checklist, plan.first(),
                    plan.end(), Map.of())));
        }
        if (!checklist.signoffRoles().isEmpty()) {
            var roles = new ArrayList<RoleState>();
            for (var role : checklist.signoffRoles()) {
                roles.add(new RoleState(roles.size(), role.name(), role.description(),
                        role.approvers().stream().map(Approver::of).toList(), role.approvers().isEmpty()
                        ? RoleState.ApproverSource.NOBODY : RoleState.ApproverSource.TEMPLATE, null));
            }
            messages.add(message("signoff", SignoffMessageRenderer.render(release, roles)));
        }
        var shipped = new Release(0L, 0, "C0PREVIEW", "v1.0", "production", templateName, "",
                "U0PREVIEW", "preview", ReleaseStatus.SHIPPED, now, now);
        messages.add(message("reminder", new ReminderMessageRenderer(null, null, null, ThreadLinks.beforePosting()).render(shipped, checklist, Map.of(),
                "monitoring-window", checklist.oncall(), false, "2 h")));
        return messages;
    }

    private static Message message(String kind, RenderedMessage rendered) {
        String json = GsonFactory.createSnakeCase().toJson(Map.of("blocks", rendered.blocks()));
        return new Message(kind, rendered.text(), json, rendered.blocks().size());
    }
}
