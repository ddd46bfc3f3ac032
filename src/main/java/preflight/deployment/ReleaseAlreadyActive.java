package preflight.deployment;

public class ReleaseAlreadyActive extends RuntimeException {

    private final transient Deployment existing;

    ReleaseAlreadyActive(Deployment existing) {
        super("release " + existing.release() + " (" + existing.environment() + ") is already active");
        this.existing = existing;
    }

    public Deployment existing() {
        return existing;
    }
}
