package preflight.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import preflight.checklist.ProbeDefinition;
import preflight.deployment.Actor;
import preflight.deployment.AuditTrail;
import preflight.deployment.ProbeTickChange;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStatus;

/**
 * Runs of a release's probes as evidence: who asked, what each probe found, and which checklist
 * items that ticked or unticked. Starting a run is a quick database write (safe on a request
 * thread); {@link #execute} does the network work and belongs on a background thread. Probe
 * targets come only from the release's template snapshot: a caller can pick a probe by id, never
 * a target. Long because a run's life (start, each result with the ticks it proves, finish) is one
 * sequence of writes that must stay consistent with each other.
 */
@Service
public class ProbeRuns {

    private static final Logger log = LoggerFactory.getLogger(ProbeRuns.class);
    /** Room beyond the probes' own timeouts for the database writes of a run. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final ProbeRunStore store;
    private final ProbeRunner runner;
    private final ProbeSettings settings;
    private final ReleaseService deployments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry metrics;

    ProbeRuns(ProbeRunStore store, ProbeRunner runner, ProbeSettings settings, ReleaseService deployments,
              AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
              MeterRegistry metrics) {
        this.metrics = metrics;
        this.store = store;
        this.runner = runner;
        this.settings = settings;
        this.deployments = deployments;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Why a run did or did not start. */
    public sealed interface Start {
    }

    public record Started(ProbeRun run) implements Start {
    }

    /** A run of this release is still in progress (a double click, or two people at once). */
    public record AlreadyRunning(ProbeRun run) implements Start {
    }

    public record NoProbes(String templateName) implements Start {
    }

    public record UnknownProbe(String probeId, List<String> known) implements Start {
    }

    public record NotActive(ReleaseStatus status) implements Start {
    }

    /**
     * Records a new run of all the release's probes, or of the one named (null for all). Nothing is
     * stored unless a run starts.
     */
    public Start start(long releaseId, String onlyProbe, Actor by) {
        var deployment = deployments.find(releaseId).orElseThrow();
        if (!deployment.status().active()) {
            return new NotActive(deployment.status());
        }
        var probes = deployments.checklistOf(deployment).probes();
        if (probes.isEmpty()) {
            return new NoProbes(deployment.templateName());
        }
        String only = null;
        if (onlyProbe != null) {
            var named = probes.stream().filter(p -> p.id().equalsIgnoreCase(onlyProbe)).findFirst();
            if (named.isEmpty()) {
                return new UnknownProbe(onlyProbe, probes.stream().map(ProbeDefinition::id).toList());
            }
            only = named.get().id();
        }
        var selected = select(probes, only);
        String chosen = only;
        try {
            return tx.execute(status -> {
                var running = store.running(releaseId);
                if (running.isPresent()) {
                    if (!running.get().expectedBy().isBefore(clock.instant())) {
                        return new AlreadyRunning(running.get());
                    }
                    interrupt(running.get());
                }
                var now = clock.instant();
                var run = store.insert(releaseId, chosen, selected.size(), by, now, now.plus(bound(selected)));
                audit.record(releaseId, "PROBE_RUN_STARTED", by, "probe run #" + run.number(),
                        chosen == null ? selected.size() + (selected.size() == 1 ? " probe" : " probes")
                                : "probe " + chosen, now);
                events.publishEvent(new ProbeRunEvent.Started(releaseId, run.number()));
                return new Started(run);
            });
        } catch (DuplicateKeyException raced) {
            // Two starts at the same instant: the unique index let exactly one through.
            return new AlreadyRunning(store.running(releaseId).orElseThrow(() -> raced));
        }
    }

    /**
     * Runs the probes of a started run, storing each result as it arrives, then closes the run.
     * Blocks for as long as the slowest probe (bounded by the timeouts); never throws.
     */
    public void execute(ProbeRun run) {
        try {
            var deployment = deployments.find(run.releaseId()).orElseThrow();
            var defined = deployments.checklistOf(deployment).probes();
            Map<String, Integer> positions = positions(defined);
            var results = runner.runAll(select(defined, run.onlyProbe()), result -> record(run, positions, result));
            for (var result : results) {
                // a write that failed in the callback gets one more chance before the run closes
                if (result.probeId() != null && !store.hasResult(run.id(), result.probeId())) {
                    record(run, positions, result);
                }
            }
        } catch (RuntimeException e) {
            log.error("Probe run #{} of deployment {} failed", run.number(), run.releaseId(), e);
        } finally {
            try {
                close(run, ProbeRun.Status.FINISHED);
            } catch (RuntimeException e) {
                log.error("Could not close probe run #{} of deployment {}; it counts as interrupted after {}",
                        run.number(), run.releaseId(), run.expectedBy(), e);
            }
        }
    }

    /** For the GO/NO-GO verdict: the latest finished full run (re-checks of one probe do not count). */
    public Optional<ProbeRunSummary> latest(long releaseId) {
        return store.latestFinishedFullRun(releaseId).map(run -> new ProbeRunSummary(releaseId,
                run.number(), run.probeCount(), run.passed(), run.failed(), run.finishedAt()));
    }

    /** The most recent run of any kind, running or not. */
    public Optional<ProbeRun> latestRun(long releaseId) {
        return store.latest(releaseId);
    }

    public Optional<ProbeRun> run(long releaseId, int number) {
        return store.byNumber(releaseId, number);
    }

    /** Stored results of a run, in the template's probe order. */
    public List<ProbeRunResult> results(ProbeRun run) {
        return store.results(run.id());
    }

    public List<ProbeDefinition> probesOf(Release deployment) {
        return deployments.checklistOf(deployment).probes();
    }

    /** Runs whose instance died mid-run are closed at start-up, so they block nobody and show as interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void closeOverdueRuns() {
        for (var run : store.overdue(clock.instant())) {
            try {
                tx.executeWithoutResult(status -> interrupt(run));
            } catch (RuntimeException e) {
                log.warn("Could not close overdue probe run #{} of deployment {}: {}", run.number(),
                        run.releaseId(), e.toString());
            }
        }
    }

    private void record(ProbeRun run, Map<String, Integer> positions, ProbeResult result) {
        boolean recorded = Boolean.TRUE.equals(tx.execute(status -> {
            if (!store.insertResult(run.id(), positions.getOrDefault(result.probeId(), Integer.MAX_VALUE), result)) {
                return false;
            }
            var changes = deployments.applyProbeResult(run.releaseId(), result.probeId(), result.ticks(),
                    result.passed(), result.detail());
            store.recordEffects(run.id(), result.probeId(), result.passed(),
                    items(changes, ProbeTickChange.Effect.TICKED), items(changes, ProbeTickChange.Effect.UNTICKED),
                    items(changes, ProbeTickChange.Effect.KEPT));
            events.publishEvent(new ProbeRunEvent.ResultRecorded(run.releaseId(), run.number(), result.probeId()));
            return true;
        }));
        if (recorded) {
            metrics.counter("preflight.probe.results", "kind", result.kind() == null ? "invalid" : result.kind(),
                    "outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT)).increment();
        }
    }

    private void close(ProbeRun run, ProbeRun.Status outcome) {
        tx.executeWithoutResult(status -> {
            var now = clock.instant();
            if (!store.close(run.id(), outcome, now)) {
                return;
            }
            var closed = store.find(run.id()).orElseThrow();
            int notRun = closed.probeCount() - closed.done();
            audit.record(run.releaseId(), "PROBE_RUN_FINISHED", run.triggeredBy(), "probe run #" + run.number(),
                    closed.passed() + " passed, " + closed.failed() + " failed"
                            + (notRun > 0 ? ", " + notRun + " without a result" : "")
                            + (outcome == ProbeRun.Status.INTERRUPTED ? " (interrupted)" : ""), now);
            events.publishEvent(new ProbeRunEvent.Finished(run.releaseId(), run.number()));
        });
    }

    private void interrupt(ProbeRun run) {
        log.warn("Probe run #{} of deployment {} did not finish by {}; closing it as interrupted", run.number(),
                run.releaseId(), run.expectedBy());
        close(run, ProbeRun.Status.INTERRUPTED);
    }

    /** How long a run may take: the slowest timeout once per wave of concurrent probes, plus the writes. */
    private Duration bound(List<ProbeDefinition> probes) {
        Duration slowest = settings.timeout();
        for (var probe : probes) {
            try {
                var timeout = ProbeOptions.timeout(probe.options(), settings.timeout());
                slowest = timeout.compareTo(slowest) > 0 ? timeout : slowest;
            } catch (InvalidProbeException e) {
                // the run reports it as a failed probe
            }
        }
        int waves = (probes.size() + settings.maxConcurrency() - 1) / settings.maxConcurrency();
        return slowest.multipliedBy(Math.max(1, waves)).plus(GRACE);
    }

    private static List<ProbeDefinition> select(List<ProbeDefinition> probes, String only) {
        return only == null ? probes : probes.stream().filter(p -> p.id().equals(only)).toList();
    }

    private static Map<String, Integer> positions(List<ProbeDefinition> probes) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            positions.putIfAbsent(probes.get(i).id(), i);
        }
        return positions;
    }

    private static List<String> items(List<ProbeTickChange> changes, ProbeTickChange.Effect effect) {
        return changes.stream().filter(change -> change.effect() == effect).map(ProbeTickChange::itemId).toList();
    }
}
