package preflight.slack.bolt;

import java.util.concurrent.Executor;

import com.slack.api.bolt.context.builtin.ActionContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers a click with a message only the clicker sees, through the action's response_url,
 * after the ack: the listener never waits for Slack.
 */
@Component
public class ClickReplies {

    private static final Logger log = LoggerFactory.getLogger(ClickReplies.class);

    private final Executor slackWork;

    ClickReplies(@Qualifier("slackWork") Executor slackWork) {
        this.slackWork = slackWork;
    }

    public void ephemeral(ActionContext context, String mrkdwn) {
        slackWork.execute(() -> {
            try {
                context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(mrkdwn));
            } catch (Exception e) {
                log.info("Could not answer a click: {}", e.getMessage());
            }
        });
    }
}
