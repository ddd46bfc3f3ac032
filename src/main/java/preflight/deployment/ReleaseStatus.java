package preflight.deployment;

/** Where a release is in its lifecycle; each edge words it (Slack, the API, the report). */
public enum ReleaseStatus {
    IN_PROGRESS,
    SHIPPED,
    COMPLETED,
    ABORTED,
    ROLLED_BACK;

    public boolean active() {
        return this == IN_PROGRESS || this == SHIPPED;
    }
}
