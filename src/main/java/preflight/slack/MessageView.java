package preflight.slack;

/**
 * A Slack message that shows part of a release: the card (seq 0), checklist items [first, end),
 * or the sign-off buttons (after the checklist messages).
 */
record MessageView(long id, long deploymentId, Kind kind, int seq, int firstItem, int endItem, String channelId,
                   String ts, int wantedRev) {

    enum Kind {
        CARD, CHECKLIST, SIGNOFF
    }
}
