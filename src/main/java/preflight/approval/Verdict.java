package preflight.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import preflight.deployment.Missing;
import preflight.deployment.Progress;

/**
 * Go / no-go for a release: GO when every checklist item is ticked, every sign-off role has
 * approved and the latest probe run passed; otherwise NO-GO with what is missing, in that order.
 */
public record Verdict(List<Missing> missing) {

    public Verdict {
        missing = List.copyOf(missing);
    }

    public boolean go() {
        return missing.isEmpty();
    }

    /**
     * @param probesDefined whether the checklist defines probes at all (none: nothing to wait for)
     * @param latestProbeRunPassed the latest finished run; empty when none has finished
     */
    static Verdict of(Progress progress, List<RoleState> roles, boolean probesDefined,
                      Optional<Boolean> latestProbeRunPassed) {
        var missing = new ArrayList<Missing>();
        int unticked = progress.total() - progress.done();
        if (unticked > 0) {
            missing.add(new Missing.UntickedItems(unticked));
        }
        for (RoleState role : roles) {
            if (role.rejected()) {
                missing.add(new Missing.RoleRejected(role.name()));
            } else if (role.waiting()) {
                missing.add(new Missing.RoleNotSigned(role.name()));
            }
        }
        if (probesDefined) {
            latestProbeRunPassed.ifPresentOrElse(
                    passed -> {
                        if (!passed) {
                            missing.add(new Missing.ProbesFailed());
                        }
                    },
                    () -> missing.add(new Missing.ProbesNotRun()));
        }
        return new Verdict(missing);
    }
}
