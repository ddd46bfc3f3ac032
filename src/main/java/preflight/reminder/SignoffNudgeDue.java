package preflight.reminder;

import java.util.List;

import preflight.deployment.ReleaseEvent;

/** The people who may sign {@code role} are to be reminded that the release waits for them. */
public record SignoffNudgeDue(long releaseId, String role, List<String> users) implements ReleaseEvent {
}
