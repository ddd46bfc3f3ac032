package preflight.slack.home;

import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import preflight.slack.bolt.SlackListener;

/**
 * A sign-off button on someone's Home tab (Approve, Reject…): its action id names the release and
 * role ({@link HomeClick}), and whatever it has to say goes to that person's Messages tab.
 */
abstract class HomeSignoffListener implements SlackListener {

    private final Pattern actions;
    private final HomeReplies replies;

    HomeSignoffListener(String action, HomeReplies replies) {
        this.actions = HomeClick.pattern(action);
        this.replies = replies;
    }

    /** Hands the click to the thread's own path for it, before the ack. */
    abstract void on(HomeClick click, String triggerId, Consumer<String> reply);

    @Override
    public void register(App app) {
        app.blockAction(actions, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var click = HomeClick.of(request.getPayload());
        on(click, request.getPayload().getTriggerId(), text -> replies.tell(click.userId(), text));
        return context.ack();
    }
}
