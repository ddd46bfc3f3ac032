package preflight.slack.signoff;

import java.util.concurrent.Executor;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import preflight.approval.Outcome;
import preflight.slack.bolt.ClickReplies;
import preflight.slack.bolt.SlackListener;
import preflight.slack.outbox.Outbox;

/**
 * A sign-off button that decides without asking anything (Approve, Withdraw). The decision is
 * stored before the ack ({@link DecidedBeforeAck}); the message then re-renders from the database,
 * and only a refusal or a repeat gets an answer.
 */
abstract class SignoffDecisionListener implements SlackListener {

    private final String action;
    private final Outbox outbox;
    private final ClickReplies replies;
    private final Executor slackWork;

    SignoffDecisionListener(String action, Outbox outbox, ClickReplies replies, Executor slackWork) {
        this.action = action;
        this.outbox = outbox;
        this.replies = replies;
        this.slackWork = slackWork;
    }

    abstract Outcome decide(SignoffClick click);

    @Override
    public void register(App app) {
        app.blockAction(SignoffClick.actions(action), this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var click = SignoffClick.of(request.getPayload(), outbox);
        if (click.isEmpty()) {
            replies.ephemeral(context, SignoffReplies.UNKNOWN);
            return context.ack();
        }
        DecidedBeforeAck.decide(slackWork, action + " on role " + click.get().roleIndex() + " of release "
                + click.get().releaseId(), () -> decide(click.get()), text -> replies.ephemeral(context, text));
        return context.ack();
    }
}
