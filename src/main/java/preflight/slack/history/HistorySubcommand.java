package preflight.slack.history;

import java.time.Duration;
import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.report.ReleaseHistory;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.DurationText;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackDates;
import preflight.slack.text.StatusWords;
import preflight.slack.text.ThreadLinks;

/** {@code /deploy history [n]}: the channel's last releases, only for the person asking. */
@Component
@Order(5)
class HistorySubcommand implements DeploySubcommand {

    private final ReleaseHistory history;

    private final ThreadLinks threadLinks;

    HistorySubcommand(ReleaseHistory history, ThreadLinks threadLinks) {
        this.history = history;
        this.threadLinks = threadLinks;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String usage() {
        return "history [n]` — the channel's last n releases (default " + ReleaseHistory.DEFAULT_COUNT
                + "): outcome, who shipped, time to ship";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        int count = ReleaseHistory.DEFAULT_COUNT;
        if (args.size() > 1 || (args.size() == 1 && !args.getFirst().matches("\\d{1,4}"))) {
            return new Reply("Usage: `/deploy history [n]`, with n a number from 1 to " + ReleaseHistory.MAX_COUNT
                    + ", e.g. `/deploy history 20`. Nothing was changed.");
        }
        if (args.size() == 1) {
            count = Integer.parseInt(args.getFirst());
            if (count < 1 || count > ReleaseHistory.MAX_COUNT) {
                return new Reply("I can show 1 to " + ReleaseHistory.MAX_COUNT + " releases; `/deploy history "
                        + ReleaseHistory.DEFAULT_COUNT + "` shows the last " + ReleaseHistory.DEFAULT_COUNT + ".");
            }
        }
        var entries = history.recent(command.getChannelId(), count);
        if (entries.isEmpty()) {
            return new Reply("No release has been started in this channel yet. Start one with `/deploy start <version>`.");
        }
        var text = new StringBuilder("*Last " + entries.size() + (entries.size() == 1 ? " release" : " releases")
                + " in this channel*, newest first");
        for (var entry : entries) {
            var release = entry.release();
            text.append("\n• ").append(threadLinks.toNamed(release))
                    .append(" · ").append(StatusWords.outcome(release.status()))
                    .append(" · started ").append(SlackDates.of(release.startedAt()));
            if (entry.shippedBy() != null) {
                text.append(" · shipped by ").append(Mrkdwn.escape(entry.shippedBy().name()))
                        .append(" after ").append(timeToShip(entry.startToShipSeconds()));
            }
        }
        return new Reply(text.toString());
    }

    /** Whole minutes once it took a minute or more: "62 min", "2 h". */
    private static String timeToShip(long seconds) {
        return DurationText.of(seconds < 60 ? Duration.ofSeconds(seconds) : Duration.ofMinutes(seconds / 60));
    }
}
