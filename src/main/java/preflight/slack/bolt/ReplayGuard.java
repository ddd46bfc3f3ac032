package preflight.slack.bolt;

import java.sql.Timestamp;
import java.time.Clock;
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
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a captured request worthless when sent again: {@link SlackEventsServlet} checks that a
 * request is signed and stamped within five minutes of now, and within that window a signature
 * may change state once. Its record is written in the transaction of the first change the request
 * makes, just before it commits, so a request that changes nothing (help, status, a refused click)
 * writes nothing, and a change and its record commit together. When the signature is already there
 * (on any instance) the change rolls back and the request is refused (401); Slack never resends a
 * slash command or an interactive payload with the same signature. An Events API retry
 * ({@code X-Slack-Retry-Num}) of something already handled is acknowledged (200) instead, so Slack
 * stops retrying. A record is kept until its request's own timestamp leaves the window.
 * Transactions are seen through Spring's {@link TransactionExecutionListener}, which Spring Boot
 * registers on its transaction manager.
 */
@Component
class ReplayGuard implements Middleware, TransactionExecutionListener {

    static final String RETRY_NUM = "X-Slack-Retry-Num";
    /** The timestamp window, plus a margin so a record never expires a moment before its request would. */
    private static final Duration KEEP = SlackEventsServlet.MAX_SKEW.plusMinutes(1);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);
    /** The signed request this thread is handling; listeners change state on the request thread, before the ack. */
    private static final ThreadLocal<SignedRequest> CURRENT = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong nextCleanup = new AtomicLong();

    ReplayGuard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final class SignedRequest {
        final String signature;
        final Instant expires;
        boolean recorded;
        boolean replayed;

        SignedRequest(String signature, Instant expires) {
            this.signature = signature;
            this.expires = expires;
        }
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        String signature = request.isSocketMode() ? null
                : request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (signature == null) {
            return chain.next(request);
        }
        var signed = new SignedRequest(signature, requestTime(request).plus(KEEP));
        CURRENT.set(signed);
        Response answer;
        try {
            answer = chain.next(request);
        } catch (ReplayedRequest e) {
            answer = null;
        } finally {
            CURRENT.remove();
        }
        if (!signed.replayed) {
            return answer;
        }
        if (request.getHeaders().getFirstValue(RETRY_NUM) != null) {
            log.info("Slack retried a request already handled (retry {}); nothing was done again",
                    request.getHeaders().getFirstValue(RETRY_NUM));
            return Response.ok();
        }
        log.warn("Refused a replayed request from {}: its signature was already used", request.getClientIpAddress());
        return Response.builder().statusCode(401).contentType(Response.CONTENT_TYPE_APPLICATION_JSON)
                .body("{\"error\":\"replayed request\"}").build();
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        var signed = CURRENT.get();
        if (signed == null || beginFailure != null || transaction.isReadOnly() || signed.recorded) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!readOnly && !signed.recorded && !record(signed)) {
                    signed.replayed = true;
                    throw new ReplayedRequest();
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    signed.recorded = true;
                }
            }
        });
    }

    /** @return false when the signature was recorded before: the request is a replay */
    private boolean record(SignedRequest signed) {
        cleanUpNowAndThen();
        return jdbc.sql("INSERT INTO slack_request_seen (signature, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(signed.signature, Timestamp.from(signed.expires))
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
