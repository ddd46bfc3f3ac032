package preflight.slack.home;

import java.util.concurrent.Executor;

import com.slack.api.methods.MethodsClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers a click on someone's Home tab. Home clicks carry no response_url and no channel, so the
 * answer is a direct message from the app (its Messages tab).
 */
@Component
class HomeReplies {

    private static final Logger log = LoggerFactory.getLogger(HomeReplies.class);

    private final MethodsClient slack;
    private final Executor slackWork;

    HomeReplies(MethodsClient slack, @Qualifier("slackWork") Executor slackWork) {
        this.slack = slack;
        this.slackWork = slackWork;
    }

    /** After the ack: the listener never waits for Slack. */
    void tell(String userId, String mrkdwn) {
        slackWork.execute(() -> {
            try {
                var response = slack.chatPostMessage(r -> r.channel(userId).text(mrkdwn));
                if (!response.isOk()) {
                    log.info("Could not answer a Home click: {}", response.getError());
                }
            } catch (Exception e) {
                log.info("Could not answer a Home click: {}", e.toString());
            }
        });
    }
}
