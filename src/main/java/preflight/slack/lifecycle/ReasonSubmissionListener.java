package preflight.slack.lifecycle;

import java.util.Map;
import java.util.regex.Pattern;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import preflight.deployment.Refused;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ShipBlocked;
import preflight.slack.bolt.SlackListener;
import preflight.slack.text.MissingWords;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.Refusals;
import preflight.slack.text.SlackUsers;

/**
 * The reason modals of abort, roll back and ship-with-override. A blank reason, or a refusal,
 * is shown on the reason field and the modal stays open; nothing changes.
 */
@Component
class ReasonSubmissionListener implements SlackListener {

    static final String ABORT = "release_abort_reason";
    static final String ROLL_BACK = "release_rollback_reason";
    static final String SHIP_OVERRIDE = "release_ship_override";

    private final ReleaseLifecycle lifecycle;

    ReasonSubmissionListener(ReleaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(Pattern.compile("^(" + ABORT + "|" + ROLL_BACK + "|" + SHIP_OVERRIDE + ")$"), this::handle);
    }

    Response handle(ViewSubmissionRequest request, ViewSubmissionContext context) {
        var payload = request.getPayload();
        var view = payload.getView();
        String reason = reason(view.getState() == null ? null : view.getState().getValues());
        if (reason == null || reason.isBlank()) {
            return context.ackWithErrors(Map.of(LifecycleClicks.REASON_BLOCK, "Please say why — it goes into the audit trail."));
        }
        long releaseId;
        try {
            releaseId = Long.parseLong(view.getPrivateMetadata());
        } catch (NumberFormatException e) {
            return context.ackWithErrors(Map.of(LifecycleClicks.REASON_BLOCK, "This form has expired; nothing was changed."));
        }
        var user = payload.getUser();
        var actor = SlackUsers.actor(user);
        try {
            switch (view.getCallbackId()) {
                case ABORT -> lifecycle.abort(releaseId, actor, reason);
                case ROLL_BACK -> lifecycle.rollBack(releaseId, actor, reason);
                default -> lifecycle.ship(releaseId, actor, reason);
            }
        } catch (Refused e) {
            return context.ackWithErrors(Map.of(LifecycleClicks.REASON_BLOCK, Mrkdwn.truncate(Refusals.of(e.refusal()), 150)));
        } catch (ShipBlocked e) {
            return context.ackWithErrors(Map.of(LifecycleClicks.REASON_BLOCK,
                    Mrkdwn.truncate("Not ready to ship: " + MissingWords.joined(e.missing(), ", "), 150)));
        } catch (OptimisticLockingFailureException e) {
            return context.ackWithErrors(Map.of(LifecycleClicks.REASON_BLOCK, Mrkdwn.truncate(Refusals.CONCURRENT_CHANGE, 150)));
        }
        return context.ack();
    }

    private static String reason(Map<String, Map<String, com.slack.api.model.view.ViewState.Value>> values) {
        if (values == null || values.get(LifecycleClicks.REASON_BLOCK) == null) {
            return null;
        }
        var value = values.get(LifecycleClicks.REASON_BLOCK).get(LifecycleClicks.REASON_INPUT);
        return value == null ? null : value.getValue();
    }
}
