package preflight.reminder;

import java.time.Instant;
import java.util.List;

import preflight.deployment.ReleaseEvent;

/** A reminder fired for a shipped release: post it in the thread and DM these on-call users. */
public record MonitoringReminderDue(long releaseId, ReminderKind kind, Instant dueAt, List<String> oncallUsers)
        implements ReleaseEvent {
}
