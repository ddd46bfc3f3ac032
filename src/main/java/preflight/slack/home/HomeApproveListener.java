package preflight.slack.home;

import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.slack.bolt.SlackListener;
import preflight.slack.signoff.SignoffButtons;

/** Approve on someone's Home tab: the thread's own decision path; the thread and the Home re-render from it. */
@Component
class HomeApproveListener implements SlackListener {

    static final String ACTION = "home_signoff_approve";
    private static final Pattern ACTIONS = HomeClick.pattern(ACTION);

    private final SignoffButtons buttons;
    private final HomeReplies replies;

    HomeApproveListener(SignoffButtons buttons, HomeReplies replies) {
        this.buttons = buttons;
        this.replies = replies;
    }

    static String actionId(long releaseId, int roleIndex) {
        return HomeClick.actionId(ACTION, releaseId, roleIndex);
    }

    @Override
    public void register(App app) {
        app.blockAction(ACTIONS, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var click = HomeClick.of(request.getPayload());
        buttons.approve(click.releaseId(), click.roleIndex(), click.actor(), text -> replies.tell(click.userId(), text));
        return context.ack();
    }
}
