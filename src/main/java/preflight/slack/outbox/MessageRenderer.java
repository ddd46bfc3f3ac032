package preflight.slack.outbox;

/**
 * Renders one kind of outbox message from the database. Each feature's renderer lives in its own
 * {@code slack/<feature>} package; the sync worker finds it by {@link #kind()} and knows nothing else
 * about what the message shows.
 */
public interface MessageRenderer {

    MessageKind kind();

    RenderedMessage render(OutboxMessage message);

    /**
     * Slack refused to post the message because of the channel ({@code not_in_channel},
     * {@code channel_not_found}): a hook for whatever the feature does about it. Called at every such
     * refusal; the outbox keeps retrying the post.
     */
    default void channelRefused(OutboxMessage message, String error) {
    }
}
