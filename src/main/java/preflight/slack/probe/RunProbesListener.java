package preflight.slack.probe;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseService;
import preflight.slack.bolt.ClickReplies;
import preflight.slack.bolt.SlackListener;
import preflight.slack.outbox.Outbox;
import preflight.slack.text.SlackUsers;

/**
 * "Run probes" on the release card. The release is the one whose card was clicked; the run's
 * message in the thread is the answer, so only a refusal (a run still in progress, a closed
 * release) gets an ephemeral reply.
 */
@Component
class RunProbesListener implements SlackListener {

    private final ReleaseService deployments;
    private final Outbox outbox;
    private final ProbeRunLauncher launcher;
    private final ClickReplies replies;

    RunProbesListener(ReleaseService deployments, Outbox outbox, ProbeRunLauncher launcher,
                      ClickReplies replies) {
        this.deployments = deployments;
        this.outbox = outbox;
        this.launcher = launcher;
        this.replies = replies;
    }

    @Override
    public void register(App app) {
        app.blockAction(ProbeCardSection.RUN_ACTION, this::handle);
    }

    Response handle(BlockActionRequest request, ActionContext context) {
        var payload = request.getPayload();
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        String ts = payload.getContainer() == null ? null : payload.getContainer().getMessageTs();
        var deployment = channel == null || ts == null ? null
                : outbox.deploymentOf(channel, ts).flatMap(deployments::find).orElse(null);
        if (deployment == null) {
            replies.ephemeral(context, "That release card is not one I know any more; nothing was run.");
            return context.ack();
        }
        var user = payload.getUser();
        var actor = SlackUsers.actor(user);
        var launch = launcher.launch(deployment, null, actor);
        if (!launch.started()) {
            replies.ephemeral(context, launch.reply());
        }
        return context.ack();
    }
}
