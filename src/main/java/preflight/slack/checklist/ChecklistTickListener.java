package preflight.slack.checklist;

import java.util.HashSet;
import java.util.Set;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import preflight.deployment.ChecklistClosed;
import preflight.deployment.ReleaseService;
import preflight.deployment.UnknownItem;
import preflight.slack.bolt.ClickReplies;
import preflight.slack.bolt.SlackListener;
import preflight.slack.outbox.MessageSync;
import preflight.slack.outbox.Outbox;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackUsers;
import preflight.words.StatusText;

/**
 * A click on a checklist checkbox. Slack sends the element's whole selection; the block id says
 * what the clicker's client showed, so the difference is exactly what they changed — a stale
 * message never unticks someone else's item. The change is stored before the ack (a few
 * milliseconds); re-rendering happens later in {@link MessageSync}.
 */
@Component
class ChecklistTickListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(ChecklistTickListener.class);

    private final ReleaseService deployments;
    private final Outbox outbox;
    private final ClickReplies replies;

    ChecklistTickListener(ReleaseService deployments, Outbox outbox, ClickReplies replies) {
        this.deployments = deployments;
        this.outbox = outbox;
        this.replies = replies;
    }

    @Override
    public void register(App app) {
        app.blockAction(ChecklistMessageRenderer.TICK_ACTION, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        var action = payload.getActions() == null || payload.getActions().isEmpty() ? null
                : payload.getActions().getFirst();
        var shown = action == null ? null : ChecklistMessageRenderer.TickedMask.parse(action.getBlockId());
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        String ts = payload.getContainer() == null ? null : payload.getContainer().getMessageTs();
        var releaseId = shown == null || channel == null || ts == null ? null
                : outbox.deploymentOf(channel, ts).orElse(null);
        if (releaseId == null) {
            replies.ephemeral(context, "That checklist is not one I know any more; nothing was changed.");
            return context.ack();
        }
        var deployment = deployments.tickable(releaseId).orElseThrow();
        Set<String> selected = new HashSet<>();
        if (action.getSelectedOptions() != null) {
            action.getSelectedOptions().forEach(option -> selected.add(option.getValue()));
        }
        var items = deployment.checklist().items();
        var user = payload.getUser();
        var actor = SlackUsers.actor(user);
        try {
            for (int i = shown.first(); i < Math.min(shown.end(), items.size()); i++) {
                String itemId = items.get(i).id();
                boolean nowTicked = selected.contains(itemId);
                if (nowTicked != shown.ticked(i)) {
                    deployments.setTicked(deployment, itemId, nowTicked, actor);
                }
            }
        } catch (ChecklistClosed e) {
            replies.ephemeral(context, "Release " + Mrkdwn.escape(e.version()) + " is "
                    + StatusText.of(e.status()) + "; its checklist can no longer change.");
        } catch (UnknownItem e) {
            log.warn("Click on an unknown item of deployment {}: {}", releaseId, e.getMessage());
        }
        return context.ack();
    }
}
