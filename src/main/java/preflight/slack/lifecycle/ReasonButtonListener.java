package preflight.slack.lifecycle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.slack.bolt.SlackListener;

/**
 * A lifecycle button that asks "why?" in a modal. Someone who may not do it, or a release
 * in the wrong state, gets the refusal right away instead of a modal.
 */
abstract class ReasonButtonListener implements SlackListener {

    private final LifecycleClicks clicks;
    private final String actionId;
    private final String callbackId;
    private final String title;
    private final String submit;

    /**
     * @param callbackId the {@link ReasonSubmissionListener} callback that takes the answer
     * @param title the modal's title
     * @param submit the modal's submit button
     */
    ReasonButtonListener(LifecycleClicks clicks, String actionId, String callbackId, String title, String submit) {
        this.clicks = clicks;
        this.actionId = actionId;
        this.callbackId = callbackId;
        this.title = title;
        this.submit = submit;
    }

    /** Throws Refused when the modal makes no sense for this person now. */
    abstract void check(Release deployment, Actor actor);

    /** The question above the reason field, in mrkdwn. */
    abstract String question(Release deployment);

    @Override
    public void register(App app) {
        app.blockAction(actionId, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        return clicks.onRelease(request, context, (release, actor, payload) -> clicks.apply(context, () -> {
            check(release, actor);
            clicks.askReason(payload.getTriggerId(), callbackId, release, title, submit, question(release));
        }));
    }
}
