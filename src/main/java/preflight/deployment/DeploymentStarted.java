package preflight.deployment;

public record DeploymentStarted(long deploymentId) implements ReleaseEvent {
}
