package preflight.slack.lifecycle;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Refused;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.slack.bolt.ClickReplies;
import preflight.slack.text.Refusals;
import preflight.slack.text.SlackUsers;

/**
 * What the lifecycle buttons share: which release a click is about, who clicked, how to ask
 * for a reason in a modal, and how to turn a refusal into a friendly ephemeral answer.
 */
@Component
class LifecycleClicks {

    static final String REASON_BLOCK = "reason";
    static final String REASON_INPUT = "reason_input";
    private static final Logger log = LoggerFactory.getLogger(LifecycleClicks.class);

    private final ReleaseService deployments;
    private final MethodsClient slack;
    private final ClickReplies replies;
    private final Executor slackWork;

    LifecycleClicks(ReleaseService deployments, MethodsClient slack, ClickReplies replies,
                    @Qualifier("slackWork") Executor slackWork) {
        this.deployments = deployments;
        this.slack = slack;
        this.replies = replies;
        this.slackWork = slackWork;
    }

    /** What a button does with the release it was clicked on. */
    @FunctionalInterface
    interface OnRelease {
        void handle(Release release, Actor actor, BlockActionPayload payload);
    }

    /**
     * Hands the clicked release and whoever clicked to {@code handler}; a click on a release that
     * is gone gets a word to the clicker instead. Always acks.
     */
    Response onRelease(BlockActionRequest request, ActionContext context, OnRelease handler) {
        var payload = request.getPayload();
        deployment(payload).ifPresentOrElse(
                release -> handler.handle(release, actor(payload), payload),
                () -> replies.ephemeral(context, "I don't know that release any more; nothing was changed."));
        return context.ack();
    }

    private Optional<Release> deployment(BlockActionPayload payload) {
        var actions = payload.getActions();
        if (actions == null || actions.isEmpty() || actions.getFirst().getValue() == null) {
            return Optional.empty();
        }
        try {
            return deployments.find(Long.parseLong(actions.getFirst().getValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Actor actor(BlockActionPayload payload) {
        return SlackUsers.actor(payload.getUser());
    }

    /** Runs the change; a refusal becomes an ephemeral answer to the clicker and changes nothing. */
    void apply(ActionContext context, Runnable change) {
        try {
            change.run();
        } catch (Refused e) {
            replies.ephemeral(context, Refusals.of(e.refusal()));
        } catch (OptimisticLockingFailureException e) {
            replies.ephemeral(context, Refusals.CONCURRENT_CHANGE);
        }
    }

    void tell(ActionContext context, String text) {
        replies.ephemeral(context, text);
    }

    /** Opens a modal asking for a reason; trigger ids live 3 seconds, so this goes right after the ack. */
    void askReason(String triggerId, String callbackId, Release deployment, String title, String submit,
                   String question) {
        var view = View.builder()
                .type("modal")
                .callbackId(callbackId)
                .privateMetadata(String.valueOf(deployment.id()))
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(t -> t.type("plain_text").text(submit)))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.blockId("question").text(markdownText(question))),
                        input(i -> i.blockId(REASON_BLOCK).label(plainText("Reason"))
                                .element(plainTextInput(p -> p.actionId(REASON_INPUT).multiline(true).maxLength(500))))))
                .build();
        slackWork.execute(() -> {
            try {
                var response = slack.viewsOpen(r -> r.triggerId(triggerId).view(view));
                if (!response.isOk()) {
                    log.info("views.open answered {}", response.getError());
                }
            } catch (Exception e) {
                log.warn("Could not open the {} modal: {}", callbackId, e.toString());
            }
        });
    }
}
