package preflight.api;

import java.util.List;

import preflight.deployment.Missing;

/**
 * How the API words what stands between a release and GO: the verdict's {@code missing} list and
 * the NO-GO problem. Gate scripts print these, so they read as phrases.
 */
final class MissingWords {

    private MissingWords() {
    }

    static String of(Missing missing) {
        return switch (missing) {
            case Missing.UntickedItems(int count) -> count + (count == 1 ? " item unticked" : " items unticked");
            case Missing.RoleRejected(var role) -> role + " rejected";
            case Missing.RoleNotSigned(var role) -> role + " not signed";
            case Missing.ProbesFailed() -> "probes failed";
            case Missing.ProbesNotRun() -> "probes not run";
        };
    }

    static List<String> all(List<Missing> missing) {
        return missing.stream().map(MissingWords::of).toList();
    }
}
