package preflight.slack;

/** A Slack message that shows part of a release: the card (seq 0) or checklist items [first, end). */
record MessageView(long id, long deploymentId, Kind kind, int seq, int firstItem, int endItem, String channelId,
                   String ts, int wantedRev) {

    enum Kind {
        CARD, CHECKLIST
    }
}
