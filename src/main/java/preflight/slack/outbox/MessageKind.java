package preflight.slack.outbox;

/**
 * What an outbox message shows; its {@link MessageRenderer} is found by this kind. The outbox only
 * needs to know where a kind is posted: in the release thread, or on its own (the card, which
 * starts the thread, and direct messages).
 */
public enum MessageKind {
    CARD,
    CHECKLIST,
    PROBE_RUN,
    SIGNOFF,
    /** A post-deploy reminder in the release thread; subject = the reminder's name. */
    REMINDER,
    /** The same reminder as a direct message to one on-call person (channel = their user id). */
    REMINDER_DM,
    /** A direct message to one person who may sign a waiting role; subject = the role. */
    SIGNOFF_NUDGE_DM,
    /** A direct message to whoever started the release: its thread cannot be posted; subject = Slack's error. */
    CHANNEL_ACCESS_DM;

    public boolean inThread() {
        return this != CARD && this != REMINDER_DM && this != SIGNOFF_NUDGE_DM && this != CHANNEL_ACCESS_DM;
    }
}
