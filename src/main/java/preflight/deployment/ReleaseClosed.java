package preflight.deployment;

/** The release left the active states: aborted, completed or rolled back. */
public record ReleaseClosed(long releaseId, ReleaseStatus status, Actor by, String reason)
        implements ReleaseEvent {
}
