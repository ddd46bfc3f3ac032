package preflight.approval;

import preflight.deployment.ReleaseEvent;

/** Who may sign a role of this (running) release changed through {@code /deploy approvers}. */
public record ApproversAssigned(long releaseId, String role) implements ReleaseEvent {
}
