package preflight.deployment;

import java.util.List;

/** Shipping was refused because something is missing and no override reason was given. */
public class ShipBlocked extends RuntimeException {

    private final transient List<String> missing;

    ShipBlocked(List<String> missing) {
        super("not ready to ship: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
