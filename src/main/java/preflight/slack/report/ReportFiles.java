package preflight.slack.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;

import org.springframework.stereotype.Component;

import preflight.report.ReleaseReport;
import preflight.report.ReleaseReports;
import preflight.slack.outbox.Outbox;
import preflight.slack.text.Mrkdwn;

/**
 * Uploads a report as a Markdown file with Slack's current flow: files.getUploadURLExternal, the
 * bytes POSTed to the URL it returns, files.completeUploadExternal with the channel and thread
 * (the SDK's filesUploadV2 does the three steps).
 */
@Component
class ReportFiles {

    private final MethodsClient slack;
    private final ReleaseReports reports;

    private final Outbox outbox;

    ReportFiles(MethodsClient slack, ReleaseReports reports, Outbox outbox) {
        this.outbox = outbox;
        this.slack = slack;
        this.reports = reports;
    }

    sealed interface Result {
    }

    record Uploaded(String fileId) implements Result {
    }

    /** Worth another try: rate limited, Slack unavailable, no answer. */
    record Transient(String error, Duration retryAfter) implements Result {
    }

    record Permanent(String error) implements Result {
    }

    Result upload(ReleaseReport report, String comment) {
        var release = report.release();
        byte[] bytes = reports.markdown(report).getBytes(StandardCharsets.UTF_8);
        try {
            var response = slack.filesUploadV2(r -> r.channel(release.channelId())
                    .threadTs(outbox.threadOf(release.id()).map(Outbox.ThreadPlace::ts).orElse(null))
                    .filename(ReleaseReports.fileName(report))
                    .title("Release report " + release.version() + " → " + release.environment())
                    .fileData(bytes)
                    .initialComment(comment)
                    .requestFileInfo(false));
            if (response.isOk()) {
                var file = response.getFiles() == null || response.getFiles().isEmpty() ? null
                        : response.getFiles().getFirst().getId();
                return new Uploaded(file);
            }
            return classify(response.getError(), null);
        } catch (SlackApiException e) {
            var retryAfter = e.getResponse() == null ? null : e.getResponse().header("Retry-After");
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                    : "http_" + (e.getResponse() == null ? "error" : e.getResponse().code());
            return classify(error, retryAfter == null ? null : Duration.ofSeconds(parse(retryAfter)));
        } catch (Exception e) {
            // no answer, a dropped connection, or a step of the upload that failed
            return new Transient(e.getClass().getSimpleName(), null);
        }
    }

    /** The comment posted with an uploaded report: what it is, and a plain warning when the record was altered. */
    static String comment(ReleaseReport report) {
        var chain = report.chain();
        String what = "Release report of *" + Mrkdwn.escape(report.release().version()) + "* → "
                + Mrkdwn.escape(report.release().environment()) + ", from Preflight's records.";
        return chain.intact() ? what : what + "\n" + alteredWarning(report);
    }

    static String alteredWarning(ReleaseReport report) {
        var chain = report.chain();
        return ":warning: The record of *" + Mrkdwn.escape(report.release().version()) + "* was altered after the fact: "
                + chain.alteredAt().size() + " of its " + chain.events()
                + " audit events no longer match the hash chain (see the end of the report).";
    }

    private static Result classify(String error, Duration retryAfter) {
        String e = error == null ? "unknown" : error;
        return switch (e) {
            case "ratelimited", "rate_limited", "internal_error", "service_unavailable", "fatal_error",
                 "request_timeout", "http_429", "http_500", "http_502", "http_503", "http_504" ->
                    new Transient(e, retryAfter);
            default -> new Permanent(e);
        };
    }

    private static long parse(String seconds) {
        try {
            return Math.max(1, Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return 30;
        }
    }
}
