package preflight.deployment;

/** A tick or untick of a release that is no longer active: its checklist stays as it was. */
public class ChecklistClosed extends RuntimeException {

    private final String version;
    private final ReleaseStatus status;

    ChecklistClosed(String version, ReleaseStatus status) {
        super("release " + version + " is " + status);
        this.version = version;
        this.status = status;
    }

    public String version() {
        return version;
    }

    public ReleaseStatus status() {
        return status;
    }
}
