package preflight.words;

import preflight.deployment.Missing;

/** "3 items unticked", "QA Lead not signed", …: what a release lacks before GO, as plain text. */
public final class MissingText {

    private MissingText() {
    }

    public static String of(Missing missing) {
        return switch (missing) {
            case Missing.UntickedItems(int count) -> count + (count == 1 ? " item unticked" : " items unticked");
            case Missing.RoleRejected(var role) -> role + " rejected";
            case Missing.RoleNotSigned(var role) -> role + " not signed";
            case Missing.ProbesFailed() -> "probes failed";
            case Missing.ProbesNotRun() -> "probes not run";
        };
    }
}
