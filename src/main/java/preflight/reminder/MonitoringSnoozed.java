package preflight.reminder;

import java.time.Instant;

import preflight.deployment.Actor;
import preflight.deployment.ReleaseEvent;

public record MonitoringSnoozed(long releaseId, Actor by, Instant until) implements ReleaseEvent {
}
