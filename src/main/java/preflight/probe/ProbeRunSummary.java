package preflight.probe;

import java.time.Instant;

/**
 * The latest finished full run of a release's probes, as the GO/NO-GO verdict sees it:
 * {@link #passed()} only when every probe of the template passed in that run.
 */
public record ProbeRunSummary(long releaseId, int number, int probeCount, int passedCount, int failedCount,
                              Instant finishedAt) {

    public boolean passed() {
        return failedCount == 0 && passedCount == probeCount;
    }
}
