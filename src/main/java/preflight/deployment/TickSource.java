package preflight.deployment;

public enum TickSource {
    USER, PROBE, API
}
