package preflight.deployment;

/** An item was ticked or unticked; {@code itemIndex} is its position in the checklist. */
public record ChecklistItemTicked(long releaseId, String itemId, int itemIndex, boolean ticked, Actor actor)
        implements ReleaseEvent {
}
