package preflight.probe;

import java.time.Duration;
import java.util.List;

/** What one probe found; latency is the time that matters for this kind, or null to use the whole run time. */
record Check(boolean passed, String detail, Duration latency) {

    static Check pass(String detail, Duration latency) {
        return new Check(true, detail, latency);
    }

    static Check fail(String detail, Duration latency) {
        return new Check(false, detail, latency);
    }

    static Check of(List<String> problems, String passDetail, Duration latency) {
        return problems.isEmpty() ? pass(passDetail, latency) : fail(String.join("; ", problems), latency);
    }
}
