package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static preflight.probe.Probes.probe;
import static preflight.probe.TestServers.respond;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import preflight.checklist.ProbeDefinition;
import preflight.probe.ProbeResult.Outcome;
import preflight.probe.TestServers.Server;

@Timeout(60)
class ProbeRunnerTest {

    private final TestServers servers = new TestServers();
    private final List<ProbeRunner> runners = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        runners.forEach(ProbeRunner::close);
        servers.close();
    }

    private ProbeRunner runner(ProbeSettings settings) {
        ProbeRunner runner = Probes.runner(settings, TestCertificates.trustingTestCertificates());
        runners.add(runner);
        return runner;
    }

    @Test
    void runsProbesConcurrentlyAndReturnsResultsInInputOrder() throws IOException {
        // Every request waits until all three have arrived, and /first also waits until the other two were
        // reported: run one at a time, the first request would never be answered 200.
        CountDownLatch allArrived = new CountDownLatch(3);
        CountDownLatch othersReported = new CountDownLatch(2);
        Server server = servers.http()
                .handle("/first", exchange -> {
                    allArrived.countDown();
                    boolean ok = await(allArrived) && await(othersReported);
                    respond(exchange, ok ? 200 : 500, "");
                })
                .handle("/other", exchange -> {
                    allArrived.countDown();
                    respond(exchange, await(allArrived) ? 200 : 500, "");
                });
        List<ProbeDefinition> probes = List.of(
                named("first", server.url("http", "127.0.0.1", "/first")),
                named("second", server.url("http", "127.0.0.1", "/other")),
                named("third", server.url("http", "127.0.0.1", "/other")));
        List<String> reported = Collections.synchronizedList(new ArrayList<>());

        List<ProbeResult> results = runner(Probes.settings()).runAll(probes, result -> {
            reported.add(result.probeId());
            if (!result.probeId().equals("first")) {
                othersReported.countDown();
            }
        });

        assertThat(results).extracting(ProbeResult::probeId).containsExactly("first", "second", "third");
        assertThat(results).allMatch(ProbeResult::passed);
        assertThat(reported).hasSize(3).endsWith("first").containsExactlyInAnyOrder("first", "second", "third");
    }

    @Test
    void concurrencyIsBoundedByMaxConcurrency() throws IOException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch twoArrived = new CountDownLatch(2);
        Server server = servers.http().handle("/", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            twoArrived.countDown();
            boolean paired = await(twoArrived);
            inFlight.decrementAndGet();
            respond(exchange, paired ? 200 : 500, "");
        });
        List<ProbeDefinition> probes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            probes.add(named("p" + i, server.url("http", "127.0.0.1", "/")));
        }
        ProbeSettings settings = new ProbeSettings(Duration.ofSeconds(20), List.of(), 0, 2, true);

        List<ProbeResult> results = runner(settings).runAll(probes, result -> { });

        assertThat(results).allMatch(ProbeResult::passed);
        assertThat(maxInFlight).hasValue(2);
        assertThat(server.requests).hasValue(6);
    }

    @Test
    void mixedKindsAndFailuresNeverThrowAndEachIsReported() throws IOException {
        Server server = servers.http().handle("/", exchange -> respond(exchange, 200, "ok"));
        List<ProbeDefinition> probes = List.of(
                probe("http", server.url("http", "127.0.0.1", "/")),
                probe("tcp", "127.0.0.1:" + TestServers.closedPort()),
                probe("dns", "no-such-host.invalid"),
                probe("smtp", "mail.example.com:25"),
                new ProbeDefinition("broken", "http", null, null, null, null, 3),
                probe("dns", "localhost", Map.of(), Map.of("timeout", "soon")));
        List<ProbeResult> reported = Collections.synchronizedList(new ArrayList<>());

        List<ProbeResult> results = runner(Probes.settings()).runAll(probes, reported::add);

        assertThat(results).extracting(ProbeResult::outcome)
                .containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL);
        assertThat(results).extracting(ProbeResult::detail).containsExactly(
                results.get(0).detail(),
                "connection refused",
                "no such host no-such-host.invalid",
                "invalid probe: unknown kind \"smtp\" (expected http, tls, tcp or dns)",
                "invalid probe: target is missing; expected an http(s):// URL",
                "invalid probe: timeout soon is not a duration like 5s or 500ms");
        assertThat(reported).containsExactlyInAnyOrderElementsOf(results);
        assertThat(results.get(4).ticks()).isEmpty();
    }

    @Test
    void aFailingCallbackDoesNotStopTheRun() throws IOException {
        Server server = servers.http().handle("/", exchange -> respond(exchange, 200, "ok"));
        List<ProbeDefinition> probes = List.of(named("a", server.url("http", "127.0.0.1", "/")),
                named("b", server.url("http", "127.0.0.1", "/")));
        AtomicInteger calls = new AtomicInteger();

        List<ProbeResult> results = runner(Probes.settings()).runAll(probes, result -> {
            calls.incrementAndGet();
            throw new IllegalStateException("Slack is down");
        });

        assertThat(results).extracting(ProbeResult::probeId).containsExactly("a", "b");
        assertThat(calls).hasValue(2);
    }

    @Test
    void allowListAppliesToEveryKindWithoutNetworkAccess() {
        ProbeRunner runner = runner(Probes.settings("*.example.com"));

        List<ProbeResult> results = runner.runAll(List.of(
                probe("tls", "localhost:443"),
                probe("tcp", "db.internal:5432"),
                probe("dns", "example.com"),
                probe("dns", "api.example.com")), null);

        assertThat(results).extracting(ProbeResult::detail).containsExactly(
                "host localhost not in PREFLIGHT_PROBE_ALLOWED_HOSTS",
                "host db.internal not in PREFLIGHT_PROBE_ALLOWED_HOSTS",
                "host example.com not in PREFLIGHT_PROBE_ALLOWED_HOSTS",
                results.get(3).detail());
        assertThat(results.get(3).detail()).doesNotContain("PREFLIGHT_PROBE_ALLOWED_HOSTS");
    }

    @Test
    void emptyOrNullInputGivesNoResults() {
        ProbeRunner runner = runner(Probes.settings());

        assertThat(runner.runAll(List.of(), result -> { })).isEmpty();
        assertThat(runner.runAll(null, null)).isEmpty();
        assertThatNoException().isThrownBy(() -> runner.run(null));
        assertThat(runner.run(null).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void timeoutOptionAcceptsDurations() {
        ProbeRunner runner = runner(Probes.settings());

        assertThat(runner.run(probe("dns", "localhost", Map.of(), Map.of("timeout", Duration.ofSeconds(2)))).passed()).isTrue();
        assertThat(runner.run(probe("dns", "localhost", Map.of(), Map.of("timeout", "PT2S"))).passed()).isTrue();
        assertThat(runner.run(probe("dns", "localhost", Map.of(), Map.of("timeout", "0s"))).detail())
                .isEqualTo("invalid probe: timeout must be positive");
    }

    private static ProbeDefinition named(String id, String url) {
        return new ProbeDefinition(id, "http", url, Map.of(), List.of(id + "-item"), Map.of(), 1);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
