package preflight.deployment;

/**
 * What one probe result did to one checklist item it proves. {@code tick} is the item's tick
 * afterwards (null when it is not ticked).
 */
public record ProbeTickChange(String itemId, Effect effect, ItemTick tick) {

    public enum Effect {
        /** The probe passed and ticked the item, attributed to itself. */
        TICKED,
        /** The probe failed and took back the tick it had given earlier. */
        UNTICKED,
        /** Someone else (a person or another probe) ticked the item; a probe never changes that. */
        KEPT,
        /** Nothing to do: already ticked by this probe, or failing with nothing of its own to untick. */
        UNCHANGED
    }
}
