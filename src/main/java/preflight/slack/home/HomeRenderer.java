package preflight.slack.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import org.springframework.stereotype.Component;

import preflight.approval.RoleState;
import preflight.approval.SignoffService;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseStatus;
import preflight.report.ReleaseHistory;
import preflight.slack.text.DurationText;
import preflight.slack.text.MissingWords;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.ThreadLinks;
import preflight.words.StatusText;

/**
 * One person's Home tab: what waits for their sign-off (with the same Approve and Reject as the
 * thread), their open releases, what closed lately in their channels and the last 30 days.
 */
@Component
class HomeRenderer {

    /** Two blocks per role; with the other sections the tab stays within Slack's 100 blocks. */
    static final int MAX_WAITING = 30;
    static final int MAX_OWN = 10;
    static final int MAX_CLOSED = 8;
    private static final int SECTION_TEXT = 2900;

    private final ReleaseHistory history;
    private final SignoffService signoffs;
    private final ReleaseLifecycle lifecycle;

    private final ThreadLinks threadLinks;

    HomeRenderer(ReleaseHistory history, SignoffService signoffs, ReleaseLifecycle lifecycle, ThreadLinks threadLinks) {
        this.threadLinks = threadLinks;
        this.history = history;
        this.signoffs = signoffs;
        this.lifecycle = lifecycle;
    }

    record Waiting(Release release, RoleState role) {
    }

    /**
     * Roles this person may sign now. A role named for them (or a group of theirs) counts in every
     * channel; a role nobody is named for, which anyone but the starter may sign, only in the
     * channels they take part in — otherwise every such role would wait for the whole workspace.
     */
    List<Waiting> waiting(String userId, List<Release> open, List<String> channels) {
        var waiting = new ArrayList<Waiting>();
        for (Release release : open) {
            if (release.status() != ReleaseStatus.IN_PROGRESS) {
                continue;
            }
            for (RoleState role : signoffs.mayDecide(release, userId)) {
                if (!role.approved() && (!role.approvers().isEmpty() || channels.contains(release.channelId()))) {
                    waiting.add(new Waiting(release, role));
                }
            }
        }
        return waiting;
    }

    View render(String userId) {
        var open = history.open();
        var channels = history.channelsOf(userId);
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(header(h -> h.text(plainText("Preflight"))));

        var waiting = waiting(userId, open, channels);
        blocks.add(section(s -> s.blockId("home:waiting").text(markdownText("*Waiting for you*"
                + (waiting.isEmpty() ? "\nNothing is waiting for your sign-off." : "")))));
        for (Waiting w : waiting.subList(0, Math.min(MAX_WAITING, waiting.size()))) {
            var release = w.release();
            var role = w.role();
            String text = "*" + Mrkdwn.escape(role.name()) + "* for "
                    + threadLinks.toNamed(release) + " in <#" + release.channelId() + ">"
                    + (role.rejected() ? "\n:x: rejected by " + Mrkdwn.escape(role.decision().by().name()) : "");
            String key = release.id() + ":" + role.index();
            blocks.add(section(s -> s.blockId("home:role:" + key).text(markdownText(Mrkdwn.truncate(text, SECTION_TEXT)))));
            blocks.add(actions(a -> a.blockId("home:act:" + key).elements(List.of(
                    button(b -> b.actionId(HomeApproveListener.actionId(release.id(), role.index()))
                            .text(plainText("Approve")).style("primary").value(key)),
                    button(b -> b.actionId(HomeRejectListener.actionId(release.id(), role.index()))
                            .text(plainText("Reject…")).style("danger").value(key))))));
        }
        if (waiting.size() > MAX_WAITING) {
            blocks.add(context(c -> c.elements(List.of(markdownText("…and " + (waiting.size() - MAX_WAITING)
                    + " more: see the release threads.")))));
        }

        blocks.add(divider());
        var own = open.stream().filter(release -> lifecycle.mayWatch(release, userId)).toList();
        var ownText = new StringBuilder("*Your releases*");
        if (own.isEmpty()) {
            ownText.append("\nYou have no open release: none you started, manage or are on call for.");
        }
        for (Release release : own.subList(0, Math.min(MAX_OWN, own.size()))) {
            ownText.append("\n• ").append(threadLinks.toNamed(release))
                    .append(" · ").append(StatusText.of(release.status()));
            if (release.status() == ReleaseStatus.IN_PROGRESS) {
                var verdict = signoffs.verdict(release);
                ownText.append(" · ").append(verdict.go() ? "*GO*" : "*NO-GO*: "
                        + Mrkdwn.escape(Mrkdwn.truncate(MissingWords.joined(verdict.missing(), ", "), 150)));
            }
        }
        if (own.size() > MAX_OWN) {
            ownText.append("\n…and ").append(own.size() - MAX_OWN).append(" more.");
        }
        blocks.add(section(s -> s.blockId("home:own").text(markdownText(Mrkdwn.truncate(ownText.toString(), SECTION_TEXT)))));

        blocks.add(divider());
        var closed = history.recentlyClosed(channels, MAX_CLOSED);
        var closedText = new StringBuilder("*Recently closed* in your channels");
        if (closed.isEmpty()) {
            closedText.append("\nNothing closed yet.");
        }
        for (Release release : closed) {
            closedText.append("\n• ").append(threadLinks.toNamed(release))
                    .append(" · ").append(StatusText.of(release.status()));
        }
        blocks.add(section(s -> s.blockId("home:closed").text(markdownText(Mrkdwn.truncate(closedText.toString(), SECTION_TEXT)))));

        blocks.add(divider());
        var stats = history.lastThirtyDays(channels);
        String statsText = "*Last 30 days* in your channels\n"
                + "Shipped: *" + stats.shipped() + "* · Change failure rate: *"
                + (stats.changeFailureRate() == null ? "—" : String.format(Locale.ROOT, "%.0f%%", stats.changeFailureRate() * 100))
                + "* (" + stats.rolledBack() + " rolled back)\n"
                + "Median start → ship: *" + duration(stats.medianStartToShipSeconds()) + "* · Median sign-off wait: *"
                + duration(stats.medianSignoffWaitSeconds()) + "*";
        blocks.add(section(s -> s.blockId("home:stats").text(markdownText(statsText))));
        return view(v -> v.type("home").blocks(blocks));
    }

    private static String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        return DurationText.of(seconds < 60 ? Duration.ofSeconds(seconds) : Duration.ofMinutes(seconds / 60));
    }
}
