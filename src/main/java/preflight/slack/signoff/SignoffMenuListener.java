package preflight.slack.signoff;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.slack.bolt.ClickReplies;
import preflight.slack.bolt.SlackListener;

/**
 * The menu beside each role of a sign-off message with more roles than fit with buttons: the
 * chosen option does what the button of the same name does, checks and all.
 */
@Component
class SignoffMenuListener implements SlackListener {

    private final ApproveButtonListener approve;
    private final RejectButtonListener reject;
    private final WithdrawButtonListener withdraw;
    private final ClickReplies replies;

    SignoffMenuListener(ApproveButtonListener approve, RejectButtonListener reject, WithdrawButtonListener withdraw,
                        ClickReplies replies) {
        this.approve = approve;
        this.reject = reject;
        this.withdraw = withdraw;
        this.replies = replies;
    }

    @Override
    public void register(App app) {
        app.blockAction(SignoffClick.actions(SignoffMessageRenderer.MENU), this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var actions = request.getPayload().getActions();
        var chosen = actions.getFirst().getSelectedOption();
        return switch (chosen == null ? "" : String.valueOf(chosen.getValue())) {
            case "approve" -> approve.handle(request, context);
            case "reject" -> reject.handle(request, context);
            case "withdraw" -> withdraw.handle(request, context);
            default -> {
                replies.ephemeral(context, SignoffReplies.UNKNOWN);
                yield context.ack();
            }
        };
    }
}
