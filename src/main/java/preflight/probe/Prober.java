package preflight.probe;

import java.time.Duration;
import java.util.concurrent.Callable;

import preflight.checklist.ProbeDefinition;

interface Prober {

    /** The front-matter key of this kind: {@code http}, {@code tls}, … */
    String kind();

    /** Validates the definition without touching the network and returns the work to run. */
    Plan plan(ProbeDefinition probe, Duration timeout) throws InvalidProbeException;

    /** host is checked against the allow-list before work runs; target is the display form (no credentials). */
    record Plan(String host, String target, Callable<Check> work) {}
}
