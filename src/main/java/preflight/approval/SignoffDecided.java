package preflight.approval;

import preflight.deployment.Actor;
import preflight.deployment.ReleaseEvent;

/**
 * A role of a release was approved, rejected or had its decision withdrawn.
 *
 * @param type the audit event type: SIGNOFF_APPROVED, SIGNOFF_REJECTED or SIGNOFF_WITHDRAWN
 */
public record SignoffDecided(long releaseId, String role, String type, Actor actor) implements ReleaseEvent {
}
