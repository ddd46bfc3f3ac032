package preflight.deployment;

import java.util.List;

/**
 * A feature that can hold a release back from shipping (missing sign-offs, failing probes, …).
 * Shipping while any guard names something missing needs an explicit override reason.
 */
public interface ShipGuard {

    /** What is still missing before this release may ship; empty when this guard is satisfied. */
    List<Missing> missing(Release deployment);
}
