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
 * Approve on the sign-off message. Acks at once: who may sign can need Slack (user-group
 * members), so the check and the decision run after the ack; the message then re-renders from
 * the database, and only a refusal or a repeat gets an answer.
 */
@Component
class ApproveButtonListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(ApproveButtonListener.class);

    private final SignoffService signoffs;
    private final MessageViews views;
    private final ClickReplies replies;
    private final Executor slackWork;

    ApproveButtonListener(SignoffService signoffs, MessageViews views, ClickReplies replies,
                          @Qualifier("slackWork") Executor slackWork) {
        this.signoffs = signoffs;
        this.views = views;
        this.replies = replies;
        this.slackWork = slackWork;
    }

    @Override
    public void register(App app) {
        app.blockAction(SignoffClick.actions(SignoffMessageRenderer.APPROVE), this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var click = SignoffClick.of(request.getPayload(), views);
        if (click.isEmpty()) {
            replies.ephemeral(context, SignoffReplies.UNKNOWN);
            return context.ack();
        }
        slackWork.execute(() -> {
            try {
                var outcome = signoffs.approve(click.get().deploymentId(), click.get().roleIndex(), click.get().actor());
                SignoffReplies.to(outcome).ifPresent(text -> replies.ephemeral(context, text));
            } catch (RuntimeException e) {
                log.error("Approving role {} of deployment {} failed", click.get().roleIndex(), click.get().deploymentId(), e);
                replies.ephemeral(context, SignoffReplies.FAILED);
            }
        });
        return context.ack();
    }
}
