package preflight.slack.signoff;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import preflight.approval.SignoffService;
import preflight.deployment.Actor;

/**
 * What a sign-off button does, wherever it was clicked: on the sign-off message in the thread or
 * on someone's Home tab. The same permission check and decision path serve both; only where the
 * answer goes differs.
 */
@Component
public class SignoffButtons {

    private final SignoffService signoffs;
    private final RejectButtonListener reject;
    private final Executor slackWork;

    SignoffButtons(SignoffService signoffs, RejectButtonListener reject, @Qualifier("slackWork") Executor slackWork) {
        this.signoffs = signoffs;
        this.reject = reject;
        this.slackWork = slackWork;
    }

    /**
     * Approves the role before the ack, as the thread's button does ({@link DecidedBeforeAck});
     * {@code reply} gets what the clicker alone is told, when there is something to tell.
     */
    public void approve(long releaseId, int roleIndex, Actor actor, Consumer<String> reply) {
        DecidedBeforeAck.decide(slackWork, "Approve on role " + roleIndex + " of release " + releaseId,
                () -> signoffs.approve(releaseId, roleIndex, actor), reply);
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

}
