package preflight.slack.lifecycle;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;

import org.springframework.stereotype.Component;

import preflight.checklist.Checklist;
import preflight.deployment.ItemTick;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStatus;
import preflight.reminder.ReminderScheduler;
import preflight.slack.checklist.ChecklistLayout;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.MessageRenderer;
import preflight.slack.outbox.OutboxMessage;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.text.DurationText;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackDates;
import preflight.slack.text.SlackMentions;
import preflight.slack.text.ThreadLinks;
import preflight.words.StatusText;

/**
 * The post-deploy nudge: in the thread (mentioning on-call) and as a DM to each on-call person.
 * It lists the template's post-deploy items and, while the release is being monitored, offers
 * complete / snooze / roll back; afterwards it says how the release ended. The subject of its
 * outbox message is the reminder's name.
 */
@Component
public class ReminderMessageRenderer implements MessageRenderer {

    private static final int MAX_ITEMS = 25;

    private final ReleaseService releases;
    private final ReleaseLifecycle lifecycle;
    private final ReminderScheduler reminders;
    private final ThreadLinks threadLinks;

    public ReminderMessageRenderer(ReleaseService releases, ReleaseLifecycle lifecycle, ReminderScheduler reminders,
                            ThreadLinks threadLinks) {
        this.releases = releases;
        this.lifecycle = lifecycle;
        this.reminders = reminders;
        this.threadLinks = threadLinks;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.REMINDER;
    }

    @Override
    public RenderedMessage render(OutboxMessage message) {
        var release = releases.find(message.releaseId()).orElseThrow();
        return render(release, releases.checklistOf(release), releases.ticksOf(release.id()), message.subject(),
                lifecycle.oncall(release), kind() == MessageKind.REMINDER_DM,
                "⏰ Snooze " + DurationText.of(reminders.snoozeDuration()));
    }

    public RenderedMessage render(Release deployment, Checklist checklist, Map<String, ItemTick> ticks, String reminder,
                           List<String> oncall, boolean direct, String snoozeLabel) {
        String release = ThreadLinks.name(deployment);
        boolean checkin = reminder != null && reminder.startsWith("checkin-");
        String when = checkin ? reminder.substring("checkin-".length()) + " check-in" : "end of the monitoring window";
        String who = direct ? "" : (oncall.isEmpty() ? "_(no on-call set: `/deploy oncall @someone`)_ "
                : SlackMentions.show(oncall) + " ");
        var blocks = new ArrayList<LayoutBlock>();
        String intro = "⏰ " + who + "*" + release + "* shipped " + (deployment.shippedAt() == null ? ""
                : SlackDates.of(deployment.shippedAt()) + " ") + "— " + when + ". Is it healthy?"
                + (direct ? "\n" + threadLinks.to(deployment, "Open the release thread") : "");
        blocks.add(section(s -> s.blockId("reminder:intro").text(markdownText(intro))));
        blocks.add(section(s -> s.blockId("reminder:items").text(markdownText(postDeployItems(checklist, ticks)))));
        if (!checklist.probes().isEmpty()) {
            blocks.add(context(c -> c.blockId("reminder:probes").elements(List.of(markdownText(
                    "🔎 The release's probes are running again now; their results follow in "
                            + threadLinks.to(deployment, "the thread") + ".")))));
        }
        if (deployment.status() == ReleaseStatus.SHIPPED) {
            blocks.add(actions(a -> a.blockId("reminder:actions").elements(List.of(
                    LifecycleActions.complete(deployment),
                    LifecycleActions.snooze(deployment, snoozeLabel),
                    LifecycleActions.rollBack(deployment)))));
        } else {
            String outcome = "Release " + StatusText.of(deployment.status())
                    + (deployment.closedAt() == null ? "" : " " + SlackDates.of(deployment.closedAt()))
                    + (deployment.closeReason() == null ? "" : ": " + Mrkdwn.escape(Mrkdwn.truncate(deployment.closeReason(), 300)));
            blocks.add(context(c -> c.blockId("reminder:outcome").elements(List.of(markdownText(outcome)))));
        }
        String text = "Post-deploy check for " + release + ": is it healthy?";
        return new RenderedMessage(text, blocks);
    }

    private static String postDeployItems(Checklist checklist, Map<String, ItemTick> ticks) {
        var items = checklist.postDeploySections().stream().flatMap(section -> section.items().stream()).toList();
        if (items.isEmpty()) {
            return "*What to check:* this template has no post-deploy section — look at error rates, latency and"
                    + " the dashboards you trust.";
        }
        var lines = new ArrayList<String>();
        lines.add("*What to check* (from the checklist):");
        for (var item : items.subList(0, Math.min(MAX_ITEMS, items.size()))) {
            lines.add((ticks.containsKey(item.id()) ? "☑ " : "☐ ")
                    + Mrkdwn.truncate(Mrkdwn.fromMarkdown(item.text()), 100));
        }
        if (items.size() > MAX_ITEMS) {
            lines.add("_…and " + (items.size() - MAX_ITEMS) + " more in the thread_");
        }
        return Mrkdwn.truncate(String.join("\n", lines), ChecklistLayout.SECTION_TEXT_MAX);
    }
}
