package preflight.slack.home;

import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseService;
import preflight.slack.bolt.SlackListener;
import preflight.slack.signoff.SignoffButtons;

/** Reject… on someone's Home tab: the thread's reject modal, checked and recorded the same way. */
@Component
class HomeRejectListener implements SlackListener {

    static final String ACTION = "home_signoff_reject";
    private static final Pattern ACTIONS = HomeClick.pattern(ACTION);

    private final SignoffButtons buttons;
    private final ReleaseService releases;
    private final HomeReplies replies;

    HomeRejectListener(SignoffButtons buttons, ReleaseService releases, HomeReplies replies) {
        this.buttons = buttons;
        this.releases = releases;
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
        var release = releases.find(click.releaseId());
        if (release.isEmpty()) {
            return context.ack();
        }
        buttons.askRejectReason(request.getPayload().getTriggerId(), click.releaseId(), click.roleIndex(),
                release.get().channelId(), click.actor(), text -> replies.tell(click.userId(), text));
        return context.ack();
    }
}
