package preflight.deployment;

import preflight.checklist.Checklist;

/** What a checkbox click needs of its release, read without the template snapshot. */
public record TickableRelease(long id, String version, ReleaseStatus status, Checklist checklist) {
}
