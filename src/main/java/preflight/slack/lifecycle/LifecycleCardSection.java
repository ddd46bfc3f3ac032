package preflight.slack.lifecycle;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.ChannelPeople;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.reminder.ReminderScheduler;
import preflight.slack.release.CardSection;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackDates;
import preflight.slack.text.SlackMentions;
import preflight.slack.text.StatusWords;

/** On-call, shipping and closing on the release card, and the buttons that move the release on. */
@Component
@Order(100)
class LifecycleCardSection implements CardSection {

    private final ReleaseLifecycle lifecycle;
    private final ReminderScheduler reminders;
    private final ChannelPeople people;

    LifecycleCardSection(ReleaseLifecycle lifecycle, ReminderScheduler reminders, ChannelPeople people) {
        this.people = people;
        this.lifecycle = lifecycle;
        this.reminders = reminders;
    }

    @Override
    public List<LayoutBlock> blocks(Release deployment) {
        var lines = new ArrayList<String>();
        var oncall = lifecycle.oncall(deployment);
        lines.add("*On-call:* " + (oncall.isEmpty() ? "nobody set (`/deploy oncall @someone`)"
                : SlackMentions.quiet(oncall, people.handles(deployment.channelId()))));
        if (deployment.shippedAt() != null) {
            lines.add("*Shipped* " + SlackDates.of(deployment.shippedAt()));
        }
        if (deployment.overrideReason() != null) {
            var by = deployment.overrideBy();
            lines.add("🚨 *Emergency override*" + (by == null ? "" : " by <@" + by.id() + ">") + ": "
                    + Mrkdwn.escape(Mrkdwn.truncate(deployment.overrideReason(), 500)));
        }
        switch (deployment.status()) {
            case SHIPPED -> reminders.nextReminder(deployment.id()).ifPresent(next ->
                    lines.add("*Next on-call check:* " + SlackDates.of(next)));
            case ABORTED, ROLLED_BACK -> lines.add("*" + StatusWords.capitalized(deployment.status()) + "* "
                    + SlackDates.of(deployment.closedAt()) + ": "
                    + Mrkdwn.escape(Mrkdwn.truncate(String.valueOf(deployment.closeReason()), 500)));
            case COMPLETED -> lines.add("*Completed* " + SlackDates.of(deployment.closedAt()));
            case IN_PROGRESS -> { }
        }
        String text = String.join("\n", lines);
        return List.of(section(s -> s.blockId("card:lifecycle").text(markdownText(text))));
    }

    @Override
    public List<ButtonElement> buttons(Release deployment) {
        return switch (deployment.status()) {
            case IN_PROGRESS -> List.of(LifecycleActions.ship(deployment), LifecycleActions.abort(deployment));
            case SHIPPED -> List.of(LifecycleActions.complete(deployment), LifecycleActions.rollBack(deployment));
            default -> List.of();
        };
    }
}
