package preflight.slack.signoff;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.List;
import java.util.concurrent.Executor;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import preflight.approval.Outcome;
import preflight.approval.RoleState;
import preflight.approval.SignoffService;
import preflight.deployment.ReleaseService;
import preflight.slack.bolt.ClickReplies;
import preflight.slack.bolt.SlackListener;
import preflight.slack.outbox.Outbox;
import preflight.slack.text.Mrkdwn;

/**
 * Reject on the sign-off message: asks for the reason in a modal. The click is acked at once and
 * the modal opened right after (one call, well within the trigger id's 3 seconds) — only for
 * someone who may sign the role; anyone else is told who can. The rejection itself is recorded
 * by {@link RejectReasonSubmission}.
 */
@Component
class RejectButtonListener implements SlackListener {

    static final String CALLBACK = "signoff_reject_reason";
    static final String REASON_BLOCK = "reason";
    static final String REASON_ACTION = "reason";
    private static final Logger log = LoggerFactory.getLogger(RejectButtonListener.class);

    private final SignoffService signoffs;
    private final ReleaseService deployments;
    private final Outbox outbox;
    private final ClickReplies replies;
    private final MethodsClient slack;
    private final Executor slackWork;

    RejectButtonListener(SignoffService signoffs, ReleaseService deployments, Outbox outbox,
                         ClickReplies replies, MethodsClient slack, @Qualifier("slackWork") Executor slackWork) {
        this.signoffs = signoffs;
        this.deployments = deployments;
        this.outbox = outbox;
        this.replies = replies;
        this.slack = slack;
        this.slackWork = slackWork;
    }

    @Override
    public void register(App app) {
        app.blockAction(SignoffClick.actions(SignoffMessageRenderer.REJECT), this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var found = SignoffClick.of(request.getPayload(), outbox);
        if (found.isEmpty()) {
            replies.ephemeral(context, SignoffReplies.UNKNOWN);
            return context.ack();
        }
        askReason(request.getPayload().getTriggerId(), found.get(), text -> replies.ephemeral(context, text));
        return context.ack();
    }

    /** After the ack: the modal for someone who may sign the role, else {@code reply} says why not. */
    void askReason(String triggerId, SignoffClick click, java.util.function.Consumer<String> reply) {
        slackWork.execute(() -> {
            try {
                var outcome = signoffs.check(click.releaseId(), click.roleIndex(), click.actor().id());
                if (outcome instanceof Outcome.MayDecide(RoleState role)) {
                    var response = slack.viewsOpen(r -> r.triggerId(triggerId).view(modal(click, role)));
                    if (!response.isOk()) {
                        log.warn("Could not open the reject modal: {}", response.getError());
                        reply.accept("I could not open the form for your reason (Slack said "
                                + Mrkdwn.escape(String.valueOf(response.getError())) + "); please click Reject again.");
                    }
                } else {
                    SignoffReplies.to(outcome).ifPresent(reply);
                }
            } catch (Exception e) {
                log.error("Reject on role {} of deployment {} failed", click.roleIndex(), click.releaseId(), e);
                reply.accept(SignoffReplies.FAILED);
            }
        });
    }

    private View modal(SignoffClick click, RoleState role) {
        String release = deployments.find(click.releaseId()).map(d -> Mrkdwn.escape(d.version())).orElse("?");
        return view(v -> v.type("modal")
                .callbackId(CALLBACK)
                .privateMetadata(new RejectTarget(click.releaseId(), click.roleIndex(), click.channelId()).encode())
                .title(viewTitle(t -> t.type("plain_text").text("Reject sign-off")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.blockId("reject:what").text(markdownText("Reject *"
                                + SignoffFormat.roleName(role) + "* for release *" + release
                                + "*? Everyone in the release thread will see your reason."))),
                        input(i -> i.blockId(REASON_BLOCK)
                                .label(plainText("Why are you rejecting?"))
                                .element(plainTextInput(p -> p.actionId(REASON_ACTION).multiline(true)
                                        .maxLength(SignoffService.MAX_REASON)
                                        .placeholder(plainText("e.g. checkout regression on staging, see QA-123"))))))));
    }

    /** Which role a reject modal is about; kept in the modal's private_metadata. */
    record RejectTarget(long releaseId, int roleIndex, String channelId) {

        String encode() {
            return releaseId + ":" + roleIndex + ":" + channelId;
        }

        /** @return null when the metadata is not ours */
        static RejectTarget decode(String metadata) {
            var parts = metadata == null ? new String[0] : metadata.split(":");
            if (parts.length != 3) {
                return null;
            }
            try {
                return new RejectTarget(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
