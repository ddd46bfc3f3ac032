package preflight.approval;

import java.util.Optional;

/**
 * The outcome of a release's latest probe run, for the go / no-go verdict. The probe feature
 * provides it; until then no run ever finishes, and a release whose checklist defines probes
 * stays NO-GO with "probes not run". A checklist without probes never asks.
 */
public interface ProbeStatus {

    /** @return whether the latest finished run passed; empty when no run has finished yet */
    Optional<Boolean> latestRunPassed(long deploymentId);
}
