package preflight.slack.signoff;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import preflight.approval.Outcome;
import preflight.approval.SignoffService;
import preflight.deployment.Actor;

/**
 * What a sign-off button does, wherever it was clicked: on the sign-off message in the thread or
 * on someone's Home tab. The same permission check and decision path serve both; only where the
 * answer goes differs.
 */
@Component
public class SignoffButtons {

    private static final Logger log = LoggerFactory.getLogger(SignoffButtons.class);

    private final SignoffService signoffs;
    private final RejectButtonListener reject;

    SignoffButtons(SignoffService signoffs, RejectButtonListener reject) {
        this.signoffs = signoffs;
        this.reject = reject;
    }

    /** Approves the role; @return what the clicker alone is told, when the decision changed nothing */
    public Optional<String> approve(long releaseId, int roleIndex, Actor actor) {
        return answer("Approve", releaseId, roleIndex, () -> signoffs.approve(releaseId, roleIndex, actor));
    }

    /**
     * Opens the reject modal (the rejection is recorded by its submission) for someone who may sign
     * the role; anyone else gets {@code reply}. Call within the trigger id's 3 seconds.
     *
     * @param channelId the release's channel, where a refused submission is answered
     */
    public void askRejectReason(String triggerId, long releaseId, int roleIndex, String channelId, Actor actor,
                                Consumer<String> reply) {
        reject.askReason(triggerId, new SignoffClick(releaseId, roleIndex, actor, channelId), reply);
    }

    static Optional<String> answer(String action, long releaseId, int roleIndex, Supplier<Outcome> decide) {
        try {
            return SignoffReplies.to(decide.get());
        } catch (RuntimeException e) {
            log.error("{} on role {} of deployment {} failed", action, roleIndex, releaseId, e);
            return Optional.of(SignoffReplies.FAILED);
        }
    }
}
