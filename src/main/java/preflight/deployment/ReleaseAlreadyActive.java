package preflight.deployment;

public class ReleaseAlreadyActive extends RuntimeException {

    private final transient Release existing;

    ReleaseAlreadyActive(Release existing) {
        super("release " + existing.version() + " (" + existing.environment() + ") is already active");
        this.existing = existing;
    }

    public Release existing() {
        return existing;
    }
}
