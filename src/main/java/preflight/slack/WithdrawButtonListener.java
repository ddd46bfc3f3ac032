package preflight.slack;

import java.util.concurrent.Executor;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import preflight.approval.SignoffService;

/**
 * Withdraw on the sign-off message: the person who approved (or rejected) a role takes it back
 * while the release is in progress. Like Approve, it acks first and decides after the ack;
 * only a refusal gets an answer.
 */
@Component
class WithdrawButtonListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(WithdrawButtonListener.class);

    private final SignoffService signoffs;
    private final MessageViews views;
    private final ClickReplies replies;
    private final Executor slackWork;

    WithdrawButtonListener(SignoffService signoffs, MessageViews views, ClickReplies replies,
                          @Qualifier("slackWork") Executor slackWork) {
        this.signoffs = signoffs;
        this.views = views;
        this.replies = replies;
        this.slackWork = slackWork;
    }

    @Override
    public void register(App app) {
        app.blockAction(SignoffClick.actions(SignoffMessageRenderer.WITHDRAW), this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var click = SignoffClick.of(request.getPayload(), views);
        if (click.isEmpty()) {
            replies.ephemeral(context, SignoffReplies.UNKNOWN);
            return context.ack();
        }
        slackWork.execute(() -> {
            try {
                var outcome = signoffs.withdraw(click.get().deploymentId(), click.get().roleIndex(), click.get().actor());
                SignoffReplies.to(outcome).ifPresent(text -> replies.ephemeral(context, text));
            } catch (RuntimeException e) {
                log.error("Withdrawing the decision on role {} of deployment {} failed", click.get().roleIndex(), click.get().deploymentId(), e);
                replies.ephemeral(context, SignoffReplies.FAILED);
            }
        });
        return context.ack();
    }
}
