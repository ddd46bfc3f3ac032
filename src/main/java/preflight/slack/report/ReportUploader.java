package preflight.slack.report;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.deployment.ReleaseClosed;
import preflight.deployment.ReleaseService;
import preflight.report.ReleaseReports;
import preflight.slack.outbox.Outbox;
import preflight.system.PollingWorker;

/**
 * Uploads the report of each closed release to its thread, once: claimed from report_upload by one
 * instance, retried with capped backoff while Slack is unavailable or rate limits (honouring
 * Retry-After), and left with its error when Slack refuses it for good.
 */
@Component
class ReportUploader extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(ReportUploader.class);

    private final ReportUploads uploads;
    private final ReportFiles files;
    private final ReleaseReports reports;
    private final ReleaseService releases;
    private final ReportSettings settings;

    private final Outbox outbox;

    ReportUploader(ReportUploads uploads, ReportFiles files, ReleaseReports reports, ReleaseService releases,
                   ReportSettings settings, Outbox outbox) {
        super("report-uploads");
        this.outbox = outbox;
        this.uploads = uploads;
        this.files = files;
        this.reports = reports;
        this.releases = releases;
        this.settings = settings;
    }

    @TransactionalEventListener
    void on(ReleaseClosed closed) {
        wakeUp();
    }

    @Override
    protected Duration pollInterval() {
        return settings.pollInterval();
    }

    @Override
    protected boolean round() {
        var claimed = uploads.claim();
        if (claimed.isEmpty()) {
            return false;
        }
        long releaseId = claimed.get();
        var release = releases.find(releaseId).orElseThrow();
        if (outbox.threadOf(releaseId).map(Outbox.ThreadPlace::ts).isEmpty()) {
            // the thread is still being posted (or waits for the bot to be invited)
            uploads.later(releaseId, Duration.ofSeconds(5), "waiting for the release thread", false);
            return true;
        }
        var report = reports.of(releaseId).orElseThrow();
        switch (files.upload(report, ReportFiles.comment(report))) {
            case ReportFiles.Uploaded uploaded -> uploads.uploaded(releaseId, uploaded.fileId());
            case ReportFiles.Transient failure -> {
                var delay = failure.retryAfter() != null ? failure.retryAfter() : backoff(uploads.attempts(releaseId));
                log.info("Report of release {} not uploaded ({}); trying again in {}", releaseId, failure.error(), delay);
                uploads.later(releaseId, delay, failure.error(), true);
            }
            case ReportFiles.Permanent failure -> {
                log.warn("Slack refused the report of release {}: {}; it is not retried", releaseId, failure.error());
                uploads.failed(releaseId, failure.error());
            }
        }
        return true;
    }

    private Duration backoff(int attempts) {
        var delay = Duration.ofSeconds(1L << Math.min(Math.max(0, attempts - 1), 16));
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }
}
