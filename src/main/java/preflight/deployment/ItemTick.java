package preflight.deployment;

import java.time.Instant;

/**
 * @param evidence a link to what proves the item (a CI run), given by a pipeline; null otherwise
 * @param note     a pipeline's remark on the tick; null otherwise
 */
public record ItemTick(String itemId, Actor by, TickSource source, Instant at, String evidence, String note) {

    public ItemTick(String itemId, Actor by, TickSource source, Instant at) {
        this(itemId, by, source, at, null, null);
    }
}
