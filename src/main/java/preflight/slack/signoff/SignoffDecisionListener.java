package preflight.slack.signoff;

import preflight.slack.bolt.ClickReplies;
import preflight.slack.outbox.MessageViews;
import preflight.slack.bolt.SlackListener;

import java.util.concurrent.Executor;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;


import preflight.approval.Outcome;

/**
 * A sign-off button that decides without asking anything (Approve, Withdraw). Acks at once: who
 * may sign can need Slack (user-group members), so the check and the decision run after the
 * ack; the message then re-renders from the database, and only a refusal or a repeat gets an
 * answer.
 */
abstract class SignoffDecisionListener implements SlackListener {

    private final String action;
    private final MessageViews views;
    private final ClickReplies replies;
    private final Executor slackWork;

    SignoffDecisionListener(String action, MessageViews views, ClickReplies replies, Executor slackWork) {
        this.action = action;
        this.views = views;
        this.replies = replies;
        this.slackWork = slackWork;
    }

    abstract Outcome decide(SignoffClick click);

    @Override
    public void register(App app) {
        app.blockAction(SignoffClick.actions(action), this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var click = SignoffClick.of(request.getPayload(), views);
        if (click.isEmpty()) {
            replies.ephemeral(context, SignoffReplies.UNKNOWN);
            return context.ack();
        }
        slackWork.execute(() -> SignoffButtons.answer(action, click.get().releaseId(), click.get().roleIndex(),
                () -> decide(click.get())).ifPresent(text -> replies.ephemeral(context, text)));
        return context.ack();
    }
}
