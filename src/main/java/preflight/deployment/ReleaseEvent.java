package preflight.deployment;

/**
 * Something changed about a release. Published inside the transaction that made the change;
 * the Slack views of the release listen for it to mark themselves stale.
 */
public interface ReleaseEvent {

    long releaseId();
}
