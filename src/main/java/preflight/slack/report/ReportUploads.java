package preflight.slack.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseClosed;

/** The uploads still to make, one row per closed release (table report_upload). */
@Component
class ReportUploads {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReportSettings settings;

    ReportUploads(JdbcClient jdbc, Clock clock, ReportSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** In the transaction that closes the release: the report is owed exactly when the close commits. */
    @EventListener
    void on(ReleaseClosed closed) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO report_upload (deployment_id, requested_at, not_before) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(closed.releaseId(), now, now)
                .update();
    }

    /** Claims one due upload for this instance, for the lease; another instance skips it. */
    Optional<Long> claim() {
        var now = clock.instant();
        return jdbc.sql("""
                        UPDATE report_upload SET lease_until = :until, attempts = attempts + 1
                         WHERE deployment_id = (
                               SELECT deployment_id FROM report_upload
                                WHERE uploaded_at IS NULL AND not_before <= :now
                                  AND (lease_until IS NULL OR lease_until < :now)
                                ORDER BY not_before LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING deployment_id""")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(settings.lease())))
                .query(Long.class)
                .optional();
    }

    void uploaded(long releaseId, String fileId) {
        jdbc.sql("UPDATE report_upload SET uploaded_at = ?, file_id = ?, lease_until = NULL, last_error = NULL WHERE deployment_id = ?")
                .params(Timestamp.from(clock.instant()), fileId, releaseId)
                .update();
    }

    /** Tries again after {@code delay}; a claim in the meantime is not counted as an attempt. */
    void later(long releaseId, Duration delay, String error, boolean attempted) {
        jdbc.sql("""
                        UPDATE report_upload SET not_before = ?, lease_until = NULL, last_error = ?,
                               attempts = attempts - CASE WHEN ? THEN 0 ELSE 1 END
                         WHERE deployment_id = ?""")
                .params(Timestamp.from(clock.instant().plus(delay)), error, attempted, releaseId)
                .update();
    }

    /** Slack refused it for good (the bot left the channel, the channel is gone): kept, visibly, not retried. */
    void failed(long releaseId, String error) {
        jdbc.sql("UPDATE report_upload SET not_before = 'infinity', lease_until = NULL, last_error = ? WHERE deployment_id = ?")
                .params(error, releaseId)
                .update();
    }

    int attempts(long releaseId) {
        return jdbc.sql("SELECT attempts FROM report_upload WHERE deployment_id = ?").param(releaseId)
                .query(Integer.class).single();
    }
}
