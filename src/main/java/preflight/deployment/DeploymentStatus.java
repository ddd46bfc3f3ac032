package preflight.deployment;

public enum DeploymentStatus {
    IN_PROGRESS("in progress"),
    SHIPPED("shipped — monitoring"),
    COMPLETED("completed"),
    ABORTED("aborted"),
    ROLLED_BACK("rolled back");

    private final String label;

    DeploymentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return this == IN_PROGRESS || this == SHIPPED;
    }
}
