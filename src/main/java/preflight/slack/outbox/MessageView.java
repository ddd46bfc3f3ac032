package preflight.slack.outbox;

import java.time.Instant;

/**
 * A Slack message that shows part of a release: the card (seq 0), checklist items [first, end),
 * the results of probe run number {@code firstItem} (PROBE_RUN, with an empty item range), the
 * sign-off buttons (after the checklist messages), or a reminder named by {@code subject}.
 * {@code postUnansweredAt} is set while an earlier chat.postMessage of it got no answer: Slack may
 * have posted it anyway (see {@link EarlierPosts}).
 */
public record MessageView(long id, long releaseId, Kind kind, int seq, int firstItem, int endItem, String channelId,
                   String ts, int wantedRev, String subject, Instant postUnansweredAt) {

    public enum Kind {
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
}
