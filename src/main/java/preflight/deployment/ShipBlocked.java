package preflight.deployment;

import java.util.List;

/**
 * Shipping was refused because something is missing and no override reason was given. The
 * message is for logs; people read {@link #missing()} as worded by whoever shows it.
 */
public class ShipBlocked extends RuntimeException {

    private final transient List<Missing> missing;

    ShipBlocked(List<Missing> missing) {
        super("not ready to ship: " + missing);
        this.missing = List.copyOf(missing);
    }

    public List<Missing> missing() {
        return missing;
    }
}
