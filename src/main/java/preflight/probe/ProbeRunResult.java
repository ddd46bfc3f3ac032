package preflight.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import preflight.probe.ProbeResult.Outcome;

/**
 * One probe's stored result within a run, with what it did to the checklist: the items it
 * ticked, the items it unticked (its own earlier ticks), and the items it left as someone else
 * ticked them. {@code position} is the probe's place in the template.
 */
public record ProbeRunResult(String probeId, int position, String kind, String target, Outcome outcome,
                             Duration latency, String detail, List<String> ticked, List<String> unticked,
                             List<String> kept, Instant finishedAt) {

    public ProbeRunResult {
        ticked = ticked == null ? List.of() : List.copyOf(ticked);
        unticked = unticked == null ? List.of() : List.copyOf(unticked);
        kept = kept == null ? List.of() : List.copyOf(kept);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
