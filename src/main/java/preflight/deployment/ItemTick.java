package preflight.deployment;

import java.time.Instant;

public record ItemTick(String itemId, Actor by, TickSource source, Instant at) {
}
