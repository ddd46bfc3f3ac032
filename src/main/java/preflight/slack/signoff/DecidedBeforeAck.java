package preflight.slack.signoff;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import preflight.approval.Outcome;

/**
 * A sign-off decision is committed before Slack gets its ack, so a crash or a deploy right after
 * the ack cannot lose it. Who may sign can need Slack (user-group members), so deciding may take
 * longer than the 3 seconds Slack waits for an ack: then the ack goes first and the person is told
 * "recorded" once the decision is stored.
 */
final class DecidedBeforeAck {

    /** What is left of Slack's 3 s after the request reached us and before the ack travels back. */
    static final Duration ACK_BUDGET = Duration.ofMillis(2500);
    static final String RECORDED = "✅ Recorded.";
    private static final Logger log = LoggerFactory.getLogger(DecidedBeforeAck.class);

    private DecidedBeforeAck() {
    }

    /**
     * Returns when the decision is stored, or when the ack can wait no longer.
     *
     * @param answer gets what to tell the person: a refusal or repeat, "recorded" for a late success
     */
    static void decide(Executor executor, String what, Supplier<Outcome> decision, Consumer<String> answer) {
        var decided = CompletableFuture.supplyAsync(decision, executor);
        try {
            SignoffReplies.to(decided.get(ACK_BUDGET.toMillis(), TimeUnit.MILLISECONDS)).ifPresent(answer);
        } catch (TimeoutException slow) {
            decided.whenComplete((outcome, failure) -> {
                if (failure != null) {
                    log.error("{} failed", what, failure);
                    answer.accept(SignoffReplies.FAILED);
                } else {
                    answer.accept(SignoffReplies.to(outcome).orElse(RECORDED));
                }
            });
        } catch (ExecutionException e) {
            log.error("{} failed", what, e.getCause());
            answer.accept(SignoffReplies.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.accept(SignoffReplies.FAILED);
        }
    }
}
