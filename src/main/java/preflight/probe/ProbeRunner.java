package preflight.probe;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import preflight.checklist.ProbeDefinition;
import preflight.checklist.ProbeKinds;
import preflight.probe.ProbeResult.Outcome;

/**
 * Runs probes on virtual threads. Each probe is bounded as a whole by its timeout (DNS and TLS handshake included),
 * and every failure, including a malformed definition, becomes a FAIL result rather than an exception.
 * It also holds the one list of probe kinds, which templates are checked against ({@link ProbeKinds}).
 * Its length is the running itself: the cap shared by every release, one deadline per probe,
 * cancellation, and a result for each way a probe can fail, which only make sense together.
 */
@Service
public class ProbeRunner implements ProbeKinds, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProbeRunner.class);

    private final ProbeSettings settings;
    private final Clock clock;
    private final AllowedHosts allowedHosts;
    private final ExecutorService executor;
    private final OkHttpClient httpClient;
    private final Map<String, Prober> probers;
    /** Shared by every run of every release, so many releases probing at once cannot flood anything. */
    private final Semaphore inFlight;

    @Autowired
    public ProbeRunner(ProbeSettings settings, ObjectProvider<Clock> clock) {
        this(settings, ProbeTrust.jdkDefault(), clock.getIfAvailable(Clock::systemUTC));
    }

    ProbeRunner(ProbeSettings settings, X509TrustManager trust, Clock clock) {
        this(settings, trust, clock, new AddressPolicy(settings.allowPrivate(), !settings.allowedHosts().isEmpty()),
                Dns.SYSTEM);
    }

    /** resolver: where HTTP probes look names up before the policy checks the answer (tests answer as they like). */
    ProbeRunner(ProbeSettings settings, X509TrustManager trust, Clock clock, AddressPolicy policy, Dns resolver) {
        this.settings = settings;
        this.clock = clock;
        this.allowedHosts = new AllowedHosts(settings.allowedHosts());
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("probe-", 0).factory());
        SSLContext sslContext = ProbeTrust.context(trust);
        this.httpClient = HttpProbe.client(policy, resolver, sslContext, trust);
        this.inFlight = new Semaphore(settings.maxConcurrency());
        // the one list of probe kinds: templates are checked against it too (ProbeKinds)
        this.probers = new LinkedHashMap<>();
        for (Prober prober : List.of(new HttpProbe(httpClient, allowedHosts, settings.maxBodyBytes()),
                new TlsProbe(sslContext, clock, policy), new TcpProbe(policy), new DnsProbe())) {
            probers.put(prober.kind(), prober);
        }
    }

    /** Probes as the settings' defaults have them, for reading templates outside the running bot (lint). */
    public static ProbeRunner withDefaults() {
        return new ProbeRunner(ProbeSettings.defaults(), ProbeTrust.jdkDefault(), Clock.systemUTC());
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(probers.keySet());
    }

    @Override
    public Optional<String> problem(ProbeDefinition probe) {
        var prober = probers.get(probe.kind());
        if (prober == null) {
            return Optional.of("there is no probe kind " + probe.kind());
        }
        try {
            prober.plan(probe, settings.timeout());
            return Optional.empty();
        } catch (InvalidProbeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Runs all probes concurrently (at most maxConcurrency at once) and returns their results in input order.
     * onEachResult is called once per probe as it finishes, one call at a time.
     */
    public List<ProbeResult> runAll(List<ProbeDefinition> probes, Consumer<ProbeResult> onEachResult) {
        if (probes == null || probes.isEmpty()) {
            return List.of();
        }
        Object callbackLock = new Object();
        List<Future<ProbeResult>> futures = new ArrayList<>(probes.size());
        for (ProbeDefinition probe : probes) {
            futures.add(submitOrFail(probe, () -> {
                ProbeResult result = run(probe);
                if (onEachResult != null) {
                    synchronized (callbackLock) {
                        try {
                            onEachResult.accept(result);
                        } catch (RuntimeException e) {
                            log.warn("Probe result callback failed for probe {}", result.probeId(), e);
                        }
                    }
                }
                return result;
            }));
        }
        List<ProbeResult> results = new ArrayList<>(probes.size());
        boolean interrupted = false;
        for (int i = 0; i < probes.size(); i++) {
            ProbeDefinition probe = probes.get(i);
            Future<ProbeResult> future = futures.get(i);
            try {
                results.add(interrupted ? cancelled(future, probe) : future.get());
            } catch (InterruptedException e) {
                interrupted = true;
                results.add(cancelled(future, probe));
            } catch (ExecutionException | CancellationException e) {
                results.add(failure(probe, safeTarget(probe), Duration.ZERO, "probe could not run: " + Detail.clean(String.valueOf(e.getCause()))));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(results);
    }

    public ProbeResult run(ProbeDefinition probe) {
        long start = System.nanoTime();
        if (probe == null) {
            return failure(null, null, Duration.ZERO, "invalid probe: no definition");
        }
        String target = safeTarget(probe);
        Duration timeout = settings.timeout();
        Future<Check> work = null;
        try {
            String kind = probe.kind() == null ? "" : probe.kind().strip().toLowerCase(Locale.ROOT);
            Prober prober = probers.get(kind);
            if (prober == null) {
                throw new InvalidProbeException("unknown kind " + Detail.quote(String.valueOf(probe.kind()))
                        + " (expected http, tls, tcp or dns)");
            }
            timeout = ProbeOptions.timeout(probe.options() == null ? Map.of() : probe.options(), settings.timeout());
            Prober.Plan plan = prober.plan(probe, timeout);
            target = plan.target();
            if (!allowedHosts.permits(plan.host())) {
                return failure(probe, target, elapsed(start), AllowedHosts.refusal(plan.host()));
            }
            if (!inFlight.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return failure(probe, target, elapsed(start), "not run: " + settings.maxConcurrency()
                        + " probes were already running for other releases; run the probes again in a minute");
            }
            try {
                work = executor.submit(plan.work());
                Check check = work.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return result(probe, target, check.passed() ? Outcome.PASS : Outcome.FAIL,
                        check.latency() != null ? check.latency() : elapsed(start), Detail.clean(check.detail()));
            } finally {
                inFlight.release();
            }
        } catch (InvalidProbeException e) {
            return failure(probe, target, elapsed(start), "invalid probe: " + e.getMessage());
        } catch (TimeoutException e) {
            work.cancel(true);
            return failure(probe, target, elapsed(start), "timed out after " + Detail.human(timeout));
        } catch (ExecutionException e) {
            return failure(probe, target, elapsed(start), Failures.describe(e.getCause(), hostOf(target), timeout));
        } catch (InterruptedException e) {
            if (work != null) {
                work.cancel(true);
            }
            Thread.currentThread().interrupt();
            return failure(probe, target, elapsed(start), "interrupted before the probe finished");
        } catch (RejectedExecutionException e) {
            return failure(probe, target, elapsed(start), "probe runner is shut down");
        } catch (RuntimeException e) {
            log.warn("Probe {} failed unexpectedly", probe.id(), e);
            if (work != null) {
                work.cancel(true);
            }
            return failure(probe, target, elapsed(start), Failures.describe(e, hostOf(target), timeout));
        }
    }

    private Future<ProbeResult> submitOrFail(ProbeDefinition probe, Callable<ProbeResult> task) {
        try {
            return executor.submit(task);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    failure(probe, safeTarget(probe), Duration.ZERO, "probe runner is shut down"));
        }
    }

    @Override
    public void close() {
        httpClient.dispatcher().cancelAll();
        executor.shutdownNow();
    }

    private ProbeResult cancelled(Future<ProbeResult> future, ProbeDefinition probe) {
        if (future.isDone() && !future.isCancelled()) {
            try {
                return future.resultNow();
            } catch (IllegalStateException e) {
                // fall through to a failure result
            }
        }
        future.cancel(true);
        return failure(probe, safeTarget(probe), Duration.ZERO, "interrupted before the probe finished");
    }

    private ProbeResult failure(ProbeDefinition probe, String target, Duration latency, String detail) {
        return result(probe, target, Outcome.FAIL, latency, Detail.clean(detail));
    }

    private ProbeResult result(ProbeDefinition probe, String target, Outcome outcome, Duration latency, String detail) {
        return new ProbeResult(probe == null ? null : probe.id(), probe == null ? null : probe.kind(), target,
                outcome, latency, detail, probe == null ? List.of() : probe.ticks(), clock.instant());
    }

    private static String safeTarget(ProbeDefinition probe) {
        return probe == null ? null : Detail.clean(probe.target());
    }

    /** Best-effort host for messages about a display target ("host:port", a URL or a name). */
    private static String hostOf(String target) {
        if (target == null) {
            return "";
        }
        try {
            URI uri = URI.create(target);
            if (uri.getHost() != null) {
                return uri.getHost();
            }
        } catch (IllegalArgumentException e) {
            // not a URL
        }
        int colon = target.lastIndexOf(':');
        return colon > 0 && !target.endsWith("]") ? target.substring(0, colon).replace("[", "").replace("]", "") : target;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
