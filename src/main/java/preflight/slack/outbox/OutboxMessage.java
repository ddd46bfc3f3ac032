package preflight.slack.outbox;

import java.time.Instant;

/**
 * One Slack message of a release, as the outbox keeps it: the card (seq 0, whose ts is the
 * release thread), checklist items [first, end), the results of probe run number {@code firstItem}
 * (PROBE_RUN, with an empty item range), the sign-off buttons, or a reminder named by
 * {@code subject}. {@code threadTs} is the thread it is posted in (null for the card, direct
 * messages, and while the card is not posted). {@code postUnansweredAt} is set while an earlier
 * chat.postMessage of it got no answer: Slack may have posted it anyway (see {@link EarlierPosts}).
 */
public record OutboxMessage(long id, long releaseId, MessageKind kind, int seq, int firstItem, int endItem,
                            String channelId, String ts, int wantedRev, String subject, Instant postUnansweredAt,
                            String threadTs) {
}
