package preflight.deployment;

import preflight.checklist.Checklist;

/**
 * A release was started in a channel with the checklist of its template, as parsed at that moment,
 * for an environment.
 */
public record ReleaseStarted(long releaseId, String channelId, String templateName, String environment,
                             Checklist checklist) implements ReleaseEvent {
}
