package preflight.deployment;

/**
 * One thing that still stands between a release and GO, as a {@link ShipGuard} names it. The
 * words a person reads are written by whoever shows it (Slack, the API).
 */
public sealed interface Missing {

    /** Checklist items not ticked yet; always at least one. */
    record UntickedItems(int count) implements Missing {
    }

    /** A sign-off role whose latest decision is a rejection. */
    record RoleRejected(String role) implements Missing {
    }

    /** A sign-off role nobody has decided yet. */
    record RoleNotSigned(String role) implements Missing {
    }

    /** The latest finished probe run had a failure. */
    record ProbesFailed() implements Missing {
    }

    /** The checklist defines probes, but no run of them has finished yet. */
    record ProbesNotRun() implements Missing {
    }
}
