package preflight.slack.outbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.Message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds a message Slack posted although our chat.postMessage got no answer (a read timeout, a
 * dropped connection, a 5xx). Every message Preflight posts carries the id of its outbox row in
 * Slack's message metadata; before such a row is posted again, the sync worker looks for that id
 * in the channel, or in the release thread, and takes the message it finds instead of posting a
 * second one. Needs the {@code channels:history}, {@code groups:history} and {@code im:history}
 * scopes; where Slack refuses the lookup, the message is posted again (a possible duplicate is
 * better than a lost message) and a warning says why. Only a message our own bot posted is taken:
 * anyone can put the same metadata on a message of theirs.
 */
@Component
class EarlierPosts {

    static final String EVENT_TYPE = "preflight_message";
    /** Slack's clock and ours may differ; the window only has to hold the attempt. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(10);
    /**
     * One page of what was posted since the attempt, as much as Slack gives at once. A channel with
     * more messages than that since then is not searched further: the message is posted again.
     */
    private static final int PAGE_SIZE = 999;
    private static final Logger log = LoggerFactory.getLogger(EarlierPosts.class);

    private final MethodsClient slack;
    /** Ours, from auth.test once it has answered: a token's bot never changes. */
    private volatile Identity us;

    private record Identity(String botId, String appId) {
    }

    EarlierPosts(MethodsClient slack) {
        this.slack = slack;
    }

    /** What every post and update of the view carries. Visible to members of the workspace: ids only. */
    static Message.Metadata metadata(OutboxMessage view) {
        return Message.Metadata.builder()
                .eventType(EVENT_TYPE)
                .eventPayload(Map.of("view_id", view.id(), "deployment_id", view.releaseId()))
                .build();
    }

    record Found(String channelId, String ts) {
    }

    /**
     * @param threadTs the release thread, for a view posted in it
     * @return the message an earlier attempt posted, or empty when there is none or Slack would not say
     * @throws IOException or SlackApiException when Slack cannot be asked now (try again later)
     */
    Optional<Found> find(OutboxMessage view, String threadTs) throws IOException, SlackApiException {
        String channel = view.channelId();
        if (channel.startsWith("U") || channel.startsWith("W")) { // a DM is posted to the user, read from its D… channel
            var opened = slack.conversationsOpen(r -> r.users(List.of(view.channelId())));
            if (!opened.isOk()) {
                return refused(view, "conversations.open", opened.getError());
            }
            channel = opened.getChannel().getId();
        }
        var identity = identity();
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        String conversation = channel;
        String oldest = slackTs(view.postUnansweredAt().minus(CLOCK_MARGIN));
        List<Message> messages;
        if (view.kind().inThread()) {
            var replies = slack.conversationsReplies(r -> r.channel(conversation).ts(threadTs).oldest(oldest)
                    .includeAllMetadata(true).limit(PAGE_SIZE));
            if (!replies.isOk()) {
                return refused(view, "conversations.replies", replies.getError());
            }
            messages = replies.getMessages();
        } else {
            var history = slack.conversationsHistory(r -> r.channel(conversation).oldest(oldest)
                    .includeAllMetadata(true).limit(PAGE_SIZE));
            if (!history.isOk()) {
                return refused(view, "conversations.history", history.getError());
            }
            messages = history.getMessages();
        }
        for (var message : messages == null ? List.<Message>of() : messages) {
            if (isOurs(message, identity.get()) && isOf(message, view)) {
                log.info("Message {} of deployment {} was posted by an attempt that got no answer; using it",
                        view.seq(), view.releaseId());
                return Optional.of(new Found(conversation, message.getTs()));
            }
        }
        return Optional.empty();
    }

    private Optional<Identity> identity() throws IOException, SlackApiException {
        if (us == null) {
            var answer = slack.authTest(r -> r);
            if (!answer.isOk() || answer.getBotId() == null) {
                log.warn("auth.test answered {} without our bot id; cannot check for earlier posts", answer.getError());
                return Optional.empty();
            }
            us = new Identity(answer.getBotId(), answer.getAppId());
        }
        return Optional.of(us);
    }

    private static boolean isOurs(Message message, Identity us) {
        return us.botId().equals(message.getBotId())
                && (us.appId() == null || message.getAppId() == null || us.appId().equals(message.getAppId()));
    }

    private static boolean isOf(Message message, OutboxMessage view) {
        var metadata = message.getMetadata();
        if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
            return false;
        }
        Object id = metadata.getEventPayload().get("view_id");
        return id instanceof Number number ? number.longValue() == view.id() : String.valueOf(view.id()).equals(id);
    }

    private static Optional<Found> refused(OutboxMessage view, String method, String error) {
        log.warn("Cannot check whether message {} of deployment {} was already posted ({} answered {});"
                + " posting it again", view.seq(), view.releaseId(), method, error);
        return Optional.empty();
    }

    private static String slackTs(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
    }
}
