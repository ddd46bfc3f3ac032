package preflight.slack.outbox;

import java.util.Map;
import java.util.Set;

/**
 * What a failed Slack call means for its message. Anything not known to be permanent is retried:
 * a message is never given up because Slack was down for a while.
 */
record DeliveryError(String error, Kind kind) {

    enum Kind {
        /** Timeouts, 5xx, {@code internal_error}, unknown errors: retried with capped backoff. */
        TRANSIENT,
        /** The bot cannot reach the channel yet; retried like a transient error, the feature's hook told. */
        CHANNEL,
        /** Retrying the same message cannot help; it waits for the next change (or an operator). */
        PERMANENT
    }

    static final Set<String> CHANNEL_ERRORS = Set.of("not_in_channel", "channel_not_found");

    /**
     * Slack's error codes that no retry fixes, with what an operator can do about each. Not
     * {@code invalid_auth}: Slack has answered it for valid tokens during its own incidents.
     */
    private static final Map<String, String> PERMANENT_ERRORS = Map.ofEntries(
            Map.entry("is_archived", "the channel is archived: unarchive it, or abort the release"),
            Map.entry("channel_is_archived", "the channel is archived: unarchive it, or abort the release"),
            Map.entry("invalid_blocks", "Slack rejected the message's blocks: report this as a bug with the template"),
            Map.entry("invalid_blocks_format", "Slack rejected the message's blocks: report this as a bug with the template"),
            Map.entry("msg_too_long", "the message is too long for Slack: shorten the template's items"),
            Map.entry("msg_blocks_too_long", "the message is too long for Slack: shorten the template's items"),
            Map.entry("invalid_metadata_format", "Slack rejected the message metadata: report this as a bug"),
            Map.entry("account_inactive", "the bot token belongs to a deleted app or user: reinstall the app and set SLACK_BOT_TOKEN"),
            Map.entry("token_revoked", "the bot token was revoked: reinstall the app and set SLACK_BOT_TOKEN"),
            Map.entry("token_expired", "the bot token expired: reinstall the app and set SLACK_BOT_TOKEN"),
            Map.entry("missing_scope", "the app lacks a scope: add the scopes of manifest.yaml and reinstall"),
            Map.entry("no_permission", "the workspace does not let the bot post there: ask a Slack admin"),
            Map.entry("restricted_action", "the workspace does not let the bot post there: ask a Slack admin"),
            Map.entry("message_not_found", "the message was deleted in Slack"),
            Map.entry("cant_update_message", "Slack does not let the bot edit this message"),
            Map.entry("edit_window_closed", "Slack does not let the bot edit this message any more"),
            Map.entry("user_not_found", "the person to message is not in the workspace"),
            Map.entry("cannot_dm_bot", "the person to message is a bot"));

    static DeliveryError of(String error) {
        if (CHANNEL_ERRORS.contains(error)) {
            return new DeliveryError(error, Kind.CHANNEL);
        }
        return new DeliveryError(error, PERMANENT_ERRORS.containsKey(error) ? Kind.PERMANENT : Kind.TRANSIENT);
    }

    static DeliveryError transientError(String description) {
        return new DeliveryError(description, Kind.TRANSIENT);
    }

    /** What to do about a permanent error; CHANNEL errors are said by the feature's hook. */
    String advice() {
        return switch (kind) {
            case CHANNEL -> "invite the bot to the channel (/invite @Preflight)";
            case PERMANENT -> PERMANENT_ERRORS.get(error);
            case TRANSIENT -> "nothing: it is retried";
        };
    }
}
