package preflight.slack.bolt;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses a signed request whose signature was already seen: {@link SlackEventsServlet} checks
 * that a request is signed and stamped within five minutes of now, but a captured request could
 * be sent again within that window. A signature is remembered until its request's own timestamp
 * leaves the window, however early or late it arrived. Slack never retries slash commands or interactive payloads, and signs each
 * request it sends, so a repeated signature is a replay (401). An Events API retry carries
 * {@code X-Slack-Retry-Num}; if it repeats a signature already seen it is acknowledged (200)
 * and not handled again, so Slack stops retrying. Runs after Bolt's signature check, so only
 * authentic requests get here; signatures live in PostgreSQL so every instance sees them.
 */
@Component
class ReplayGuard implements Middleware {

    static final String RETRY_NUM = "X-Slack-Retry-Num";
    /** The timestamp window, plus a margin so a record never expires a moment before its request would. */
    private static final Duration KEEP = SlackEventsServlet.MAX_SKEW.plusMinutes(1);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong nextCleanup = new AtomicLong();

    ReplayGuard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        String signature = request.isSocketMode() ? null
                : request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (signature == null || firstSeen(signature, requestTime(request))) {
            return chain.next(request);
        }
        if (request.getHeaders().getFirstValue(RETRY_NUM) != null) {
            log.info("Slack retried a request already received (retry {}); not handling it again",
                    request.getHeaders().getFirstValue(RETRY_NUM));
            return Response.ok();
        }
        log.warn("Refused a replayed request from {}: its signature was already used",
                request.getClientIpAddress());
        return Response.builder().statusCode(401).contentType(Response.CONTENT_TYPE_APPLICATION_JSON)
                .body("{\"error\":\"replayed request\"}").build();
    }

    /**
     * @return true for the first request with this signature. One statement in its own implicit
     * transaction, whose commit does not wait for the disk ({@code set_config(..., true)} lasts
     * until that commit): a crash can forget the last few signatures, which only reopens those
     * requests to a replay within their five minutes — not worth a WAL flush on every click.
     */
    boolean firstSeen(String signature, Instant requestTime) {
        cleanUpNowAndThen();
        return jdbc.sql("""
                        WITH no_flush AS (SELECT set_config('synchronous_commit', 'off', true))
                        INSERT INTO slack_request_seen (signature, expires_at) SELECT ?, ? FROM no_flush
                        ON CONFLICT DO NOTHING""")
                .params(signature, Timestamp.from(requestTime.plus(KEEP)))
                .update() == 1;
    }

    /** The request's own timestamp; now when it has none (Socket Mode, or a test calling Bolt directly). */
    private Instant requestTime(Request request) {
        String header = request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        try {
            return header == null ? clock.instant() : Instant.ofEpochSecond(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }

    private void cleanUpNowAndThen() {
        long now = clock.millis();
        long due = nextCleanup.get();
        if (now >= due && nextCleanup.compareAndSet(due, now + CLEANUP_EVERY.toMillis())) {
            jdbc.sql("DELETE FROM slack_request_seen WHERE expires_at < ?")
                    .param(Timestamp.from(clock.instant()))
                    .update();
        }
    }
}
