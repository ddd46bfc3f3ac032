package preflight.probe;

import preflight.deployment.ReleaseEvent;

/** A probe run of a release changed; the release card and the run's thread message follow it. */
public sealed interface ProbeRunEvent extends ReleaseEvent
        permits ProbeRunEvent.Started, ProbeRunEvent.ResultRecorded, ProbeRunEvent.Finished {

    int runNumber();

    record Started(long deploymentId, int runNumber) implements ProbeRunEvent {
    }

    record ResultRecorded(long deploymentId, int runNumber, String probeId) implements ProbeRunEvent {
    }

    /** The run finished, or was found interrupted. */
    record Finished(long deploymentId, int runNumber) implements ProbeRunEvent {
    }
}
