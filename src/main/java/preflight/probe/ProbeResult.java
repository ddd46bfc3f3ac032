package preflight.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

public record ProbeResult(String probeId, String kind, String target, Outcome outcome, Duration latency,
                          String detail, List<String> ticks, Instant finishedAt) {

    public enum Outcome { PASS, FAIL }

    public ProbeResult {
        ticks = ticks == null ? List.of() : List.copyOf(ticks);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
