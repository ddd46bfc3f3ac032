package preflight.slack.report;

import java.util.List;
import java.util.concurrent.Executor;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.methods.MethodsClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.report.ReleaseHistory;
import preflight.report.ReleaseReport;
import preflight.report.ReleaseReports;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;

/**
 * {@code /deploy report [version]}: uploads the report of a release, open or closed, to its thread
 * (the channel when it has none). Which release and whether its record is intact are answered at
 * once; the upload happens after the ack.
 */
@Component
@Order(6)
class ReportSubcommand implements DeploySubcommand {

    private static final Logger log = LoggerFactory.getLogger(ReportSubcommand.class);

    private final ReleaseReports reports;
    private final ReleaseHistory history;
    private final ReportFiles files;
    private final MethodsClient slack;
    private final Executor slackWork;

    ReportSubcommand(ReleaseReports reports, ReleaseHistory history, ReportFiles files, MethodsClient slack,
                     @Qualifier("slackWork") Executor slackWork) {
        this.reports = reports;
        this.history = history;
        this.files = files;
        this.slack = slack;
        this.slackWork = slackWork;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report [version]` — upload the release report (items, sign-offs, probes, audit trail) to its thread";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        if (args.size() > 2) {
            return new Reply("Usage: `/deploy report [version]`, e.g. `/deploy report v1.2`. Nothing was changed.");
        }
        String channel = command.getChannelId();
        var found = args.isEmpty() ? latest(channel) : reports.find(channel, args.getFirst());
        if (found.isEmpty()) {
            return new Reply(args.isEmpty() ? "No release has been started in this channel yet."
                    : "I know no release `" + Mrkdwn.escape(Mrkdwn.truncate(args.getFirst(), 80))
                    + "` in this channel. `/deploy history` lists the recent ones.");
        }
        var report = found.get();
        String user = command.getUserId();
        slackWork.execute(() -> upload(report, channel, user));
        String what = "Uploading the report of *" + Mrkdwn.escape(report.release().version()) + "* → "
                + Mrkdwn.escape(report.release().environment())
                + (report.release().threadLink() == null ? " to this channel." : " to its thread.");
        return new Reply(report.chain().intact()
                ? what + " Its audit trail of " + report.chain().events() + " events is intact."
                : what + "\n" + ReportFiles.alteredWarning(report));
    }

    private java.util.Optional<ReleaseReport> latest(String channel) {
        return history.recent(channel, 1).stream().findFirst().flatMap(entry -> reports.of(entry.release().id()));
    }

    private void upload(ReleaseReport report, String channel, String user) {
        var result = files.upload(report, ReportFiles.comment(report));
        if (result instanceof ReportFiles.Uploaded) {
            return;
        }
        String error = switch (result) {
            case ReportFiles.Transient t -> t.error();
            case ReportFiles.Permanent p -> p.error();
            default -> "unknown";
        };
        log.info("On-demand report of release {} not uploaded: {}", report.release().id(), error);
        try {
            slack.chatPostEphemeral(r -> r.channel(channel).user(user).text("I could not upload the report of *"
                    + Mrkdwn.escape(report.release().version()) + "* (Slack said `" + Mrkdwn.escape(error)
                    + "`). Please try `/deploy report` again in a minute."));
        } catch (Exception e) {
            log.info("Could not tell {} that the report upload failed: {}", user, e.toString());
        }
    }
}
