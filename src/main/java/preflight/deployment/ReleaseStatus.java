package preflight.deployment;

public enum ReleaseStatus {
    IN_PROGRESS("in progress"),
    SHIPPED("shipped — monitoring"),
    COMPLETED("completed"),
    ABORTED("aborted"),
    ROLLED_BACK("rolled back");

    private final String label;

    ReleaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return this == IN_PROGRESS || this == SHIPPED;
    }
}
