package preflight.probe;

import java.time.Instant;

import preflight.deployment.Actor;

/**
 * One run of a release's probes. {@code number} counts the runs of the release (1, 2, …);
 * {@code onlyProbe} names the probe of a single-probe re-check, null for a full run.
 */
public record ProbeRun(long id, long releaseId, int number, String onlyProbe, int probeCount, Actor triggeredBy,
                       Status status, Instant startedAt, Instant expectedBy, Instant finishedAt, int passed,
                       int failed) {

    public enum Status {
        RUNNING,
        FINISHED,
        /** Lost with the instance that ran it (it outlived every probe's timeout); its results so far stay. */
        INTERRUPTED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public int done() {
        return passed + failed;
    }

    public boolean fullRun() {
        return onlyProbe == null;
    }

    /** Finished, and every probe of the run passed. */
    public boolean allPassed() {
        return status == Status.FINISHED && failed == 0 && passed == probeCount;
    }
}
