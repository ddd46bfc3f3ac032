package preflight.slack.signoff;

import java.util.Map;
import java.util.concurrent.Executor;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import preflight.approval.SignoffService;
import preflight.slack.bolt.SlackListener;
import preflight.slack.text.SlackUsers;

/**
 * The reject modal's submit. A missing reason keeps the modal open with a field error; otherwise
 * the rejection, with the reason as typed, is stored before the ack closes the modal
 * ({@link DecidedBeforeAck}; who may sign is checked again: it may need Slack). A refusal is
 * answered with an ephemeral message in the release channel.
 */
@Component
class RejectReasonSubmission implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(RejectReasonSubmission.class);

    private final SignoffService signoffs;
    private final MethodsClient slack;
    private final Executor slackWork;

    RejectReasonSubmission(SignoffService signoffs, MethodsClient slack, @Qualifier("slackWork") Executor slackWork) {
        this.signoffs = signoffs;
        this.slack = slack;
        this.slackWork = slackWork;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(RejectButtonListener.CALLBACK, this::handle);
    }

    Response handle(ViewSubmissionRequest request, ViewSubmissionContext context) {
        var view = request.getPayload().getView();
        String reason = reason(view.getState());
        if (reason == null || reason.isBlank()) {
            return context.ackWithErrors(Map.of(RejectButtonListener.REASON_BLOCK,
                    "Please say why you are rejecting: the release team needs to know what to fix."));
        }
        if (reason.strip().length() > SignoffService.MAX_REASON) {
            return context.ackWithErrors(Map.of(RejectButtonListener.REASON_BLOCK,
                    "Please keep the reason under " + SignoffService.MAX_REASON + " characters."));
        }
        var target = RejectButtonListener.RejectTarget.decode(view.getPrivateMetadata());
        var user = request.getPayload().getUser();
        if (target == null || user == null) {
            log.warn("Reject submission without a known target: {}", view.getPrivateMetadata());
            return context.ack();
        }
        var actor = SlackUsers.actor(user);
        DecidedBeforeAck.decide(slackWork, "Rejecting role " + target.roleIndex() + " of release " + target.releaseId(),
                () -> signoffs.reject(target.releaseId(), target.roleIndex(), actor, reason),
                answer -> slackWork.execute(() -> tell(target.channelId(), actor.id(), answer)));
        return context.ack();
    }

    private static String reason(ViewState state) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        var block = state.getValues().get(RejectButtonListener.REASON_BLOCK);
        var value = block == null ? null : block.get(RejectButtonListener.REASON_ACTION);
        return value == null ? null : value.getValue();
    }

    private void tell(String channelId, String userId, String text) {
        try {
            var response = slack.chatPostEphemeral(r -> r.channel(channelId).user(userId).text(text));
            if (!response.isOk()) {
                log.info("Could not answer a reject submission: {}", response.getError());
            }
        } catch (Exception e) {
            log.info("Could not answer a reject submission: {}", e.getMessage());
        }
    }
}
