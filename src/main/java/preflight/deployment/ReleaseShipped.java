package preflight.deployment;

import java.time.Instant;

public record ReleaseShipped(long releaseId, Actor by, Instant at, String overrideReason) implements ReleaseEvent {
}
