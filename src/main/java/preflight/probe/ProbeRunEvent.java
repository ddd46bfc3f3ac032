package preflight.probe;

import preflight.deployment.ReleaseEvent;

/** A probe run of a release changed; the release card and the run's thread message follow it. */
public sealed interface ProbeRunEvent extends ReleaseEvent
        permits ProbeRunEvent.Started, ProbeRunEvent.ResultRecorded, ProbeRunEvent.Finished {

    int runNumber();

    record Started(long releaseId, int runNumber) implements ProbeRunEvent {
    }

    record ResultRecorded(long releaseId, int runNumber, String probeId) implements ProbeRunEvent {
    }

    /** The run finished, or was found interrupted. */
    record Finished(long releaseId, int runNumber) implements ProbeRunEvent {
    }
}
