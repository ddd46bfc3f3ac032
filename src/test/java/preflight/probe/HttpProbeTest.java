package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.probe.Probes.probe;
import static preflight.probe.TestServers.respond;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import preflight.probe.ProbeResult.Outcome;
import preflight.probe.TestServers.Server;

@Timeout(60)
class HttpProbeTest {

    private static final String HSTS = "Strict-Transport-Security";

    private final TestServers servers = new TestServers();
    private final ProbeRunner runner = Probes.trustingRunner();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        runner.close();
        servers.close();
    }

    @Test
    void passesOn200WithStatusAndLatency() throws IOException {
        Server server = servers.http().handle("/health", exchange -> respond(exchange, 200, "ok"));

        ProbeResult result = runner.run(probe("http", server.url("http", "127.0.0.1", "/health")));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).matches("200 OK in \\d+ ms");
        assertThat(result.probeId()).isEqualTo("http-probe");
        assertThat(result.kind()).isEqualTo("http");
        assertThat(result.target()).isEqualTo(server.url("http", "127.0.0.1", "/health"));
        assertThat(result.ticks()).containsExactly("item-http");
        assertThat(result.latency()).isNotNull();
        assertThat(result.finishedAt()).isNotNull();
    }

    @Test
    void failsOnWrongStatus() throws IOException {
        Server server = servers.http().handle("/", exchange -> respond(exchange, 503, "down"));

        ProbeResult result = runner.run(probe("http", server.url("http", "127.0.0.1", "/"), Map.of("status", 200)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("expected status 200, got 503 Service Unavailable");
    }

    @Test
    void defaultStatusAcceptsAny2xxOr3xxAndRejects4xx() throws IOException {
        Server server = servers.http()
                .handle("/created", exchange -> respond(exchange, 201, "made"))
                .handle("/missing", exchange -> respond(exchange, 404, "gone"));

        assertThat(runner.run(probe("http", server.url("http", "127.0.0.1", "/created"))).passed()).isTrue();
        assertThat(runner.run(probe("http", server.url("http", "127.0.0.1", "/missing"))).detail())
                .isEqualTo("expected status 200-399, got 404 Not Found");
    }

    @Test
    void statusMayBeAClassOrAList() throws IOException {
        Server server = servers.http().handle("/", exchange -> respond(exchange, 204, ""));
        String url = server.url("http", "127.0.0.1", "/");

        assertThat(runner.run(probe("http", url, Map.of("status", "2xx"))).passed()).isTrue();
        assertThat(runner.run(probe("http", url, Map.of("status", List.of(200, 204)))).passed()).isTrue();
        assertThat(runner.run(probe("http", url, Map.of("status", List.of(200, "3xx")))).detail())
                .isEqualTo("expected status 200 or 3xx, got 204 No Content");
    }

    @Test
    void checksBodyContains() throws IOException {
        Server server = servers.http().handle("/", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        String url = server.url("http", "127.0.0.1", "/");

        assertThat(runner.run(probe("http", url, Map.of("body_contains", "\"UP\""))).passed()).isTrue();
        ProbeResult missing = runner.run(probe("http", url, Map.of("body_contains", "DOWN")));
        assertThat(missing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(missing.detail()).isEqualTo("body does not contain \"DOWN\"");
    }

    @Test
    void failsWithTimeoutOnSlowEndpointWithoutWaitingForIt() throws IOException {
        Server server = servers.http().handle("/slow", exchange -> {
            awaitRelease();
            respond(exchange, 200, "late");
        });

        ProbeResult result = runner.run(probe("http", server.url("http", "127.0.0.1", "/slow"), Map.of(),
                Map.of("timeout", "300ms")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("timed out after 300 ms");
    }

    @Test
    void failsWhenSlowerThanMaxMs() throws IOException {
        Server server = servers.http().handle("/", exchange -> {
            sleep(50);
            respond(exchange, 200, "ok");
        });

        ProbeResult result = runner.run(probe("http", server.url("http", "127.0.0.1", "/"), Map.of("max_ms", 1)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).matches("200 OK in \\d+ ms \\(> 1 ms\\)");
    }

    @Test
    void headRequestsAreSent() throws IOException {
        AtomicReference<String> method = new AtomicReference<>();
        Server server = servers.http().handle("/", exchange -> {
            method.set(exchange.getRequestMethod());
            respond(exchange, 200, "");
        });

        ProbeResult result = runner.run(probe("http", server.url("http", "127.0.0.1", "/"), Map.of(), Map.of("method", "HEAD")));

        assertThat(result.passed()).isTrue();
        assertThat(method.get()).isEqualTo("HEAD");
    }

    @Test
    void httpsWithTrustedSelfSignedCertificatePasses() throws IOException {
        Server server = servers.https(TestCertificates.LOCALHOST.serverContext()).handle("/", exchange -> respond(exchange, 200, "ok"));

        ProbeResult result = runner.run(probe("http", server.url("https", "localhost", "/")));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.detail()).startsWith("200 OK in ");
    }

    @Test
    void httpsWithSelfSignedCertificateFailsAgainstDefaultTrust() throws Exception {
        Server server = servers.https(TestCertificates.LOCALHOST.serverContext()).handle("/", exchange -> respond(exchange, 200, "ok"));

        try (ProbeRunner defaultTrust = Probes.runner(Probes.settings(), ProbeTrust.jdkDefault())) {
            ProbeResult result = defaultTrust.run(probe("http", server.url("https", "localhost", "/")));

            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.detail()).isEqualTo("certificate not trusted (no chain to a trusted root)");
        }
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void httpsWithCertificateForAnotherNameFails() throws IOException {
        Server server = servers.https(TestCertificates.OTHER_NAME.serverContext()).handle("/", exchange -> respond(exchange, 200, "ok"));

        ProbeResult result = runner.run(probe("http", server.url("https", "localhost", "/")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("certificate does not match host localhost");
    }

    @Test
    void requiredHeaderPresentPassesAndMissingFails() throws IOException {
        Server withHsts = servers.https(TestCertificates.LOCALHOST.serverContext())
                .handle("/", exchange -> respond(exchange, 200, "ok", Map.of(HSTS, "max-age=31536000")));
        Server withoutHsts = servers.https(TestCertificates.LOCALHOST.serverContext())
                .handle("/", exchange -> respond(exchange, 200, "ok"));
        Map<String, Object> expect = Map.of("headers", List.of("strict-transport-security"));

        assertThat(runner.run(probe("http", withHsts.url("https", "localhost", "/"), expect)).passed()).isTrue();
        ProbeResult missing = runner.run(probe("http", withoutHsts.url("https", "localhost", "/"), Map.of("headers", List.of(HSTS))));
        assertThat(missing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(missing.detail()).isEqualTo("missing header Strict-Transport-Security");
    }

    @Test
    void expectedRedirectToHttpsPassesWithoutFollowingIt() throws IOException {
        Server https = servers.https(TestCertificates.LOCALHOST.serverContext()).handle("/", exchange -> respond(exchange, 200, "ok"));
        String secure = https.url("https", "localhost", "/");
        Server http = servers.http().handle("/", exchange -> respond(exchange, 301, "", Map.of("Location", secure)));

        ProbeResult result = runner.run(probe("http", http.url("http", "localhost", "/"), Map.of("redirect", true)));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.detail()).startsWith("301 Moved Permanently → " + secure + " in ");
        assertThat(https.requests).hasValue(0);
    }

    @Test
    void expectedRedirectFailsWhenNotRedirectedOrNotToHttps() throws IOException {
        Server server = servers.http()
                .handle("/plain", exchange -> respond(exchange, 200, "ok"))
                .handle("/insecure", exchange -> respond(exchange, 302, "", Map.of("Location", "/plain")));

        ProbeResult none = runner.run(probe("http", server.url("http", "127.0.0.1", "/plain"), Map.of("redirect", true)));
        ProbeResult insecure = runner.run(probe("http", server.url("http", "127.0.0.1", "/insecure"), Map.of("redirect", true)));
        ProbeResult prefix = runner.run(probe("http", server.url("http", "127.0.0.1", "/insecure"),
                Map.of("redirect", "https://www.example.com/")));

        assertThat(none.detail()).isEqualTo("expected a redirect, got 200 OK");
        assertThat(insecure.detail()).isEqualTo("redirects to " + server.url("http", "127.0.0.1", "/plain") + ", not to HTTPS");
        assertThat(prefix.detail()).isEqualTo("redirects to " + server.url("http", "127.0.0.1", "/plain")
                + ", not to https://www.example.com/…");
        assertThat(List.of(none, insecure, prefix)).noneMatch(ProbeResult::passed);
    }

    @Test
    void followsRedirectsAndChecksTheFinalResponse() throws IOException {
        Server https = servers.https(TestCertificates.LOCALHOST.serverContext())
                .handle("/", exchange -> respond(exchange, 200, "ok", Map.of(HSTS, "max-age=600")));
        Server http = servers.http().handle("/", exchange -> respond(exchange, 308, "",
                Map.of("Location", https.url("https", "localhost", "/"))));

        ProbeResult result = runner.run(probe("http", http.url("http", "localhost", "/"),
                Map.of("status", 200, "headers", List.of(HSTS), "body_contains", "ok")));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.detail()).matches("200 OK in \\d+ ms after 1 redirect");
        assertThat(https.requests).hasValue(1);
    }

    @Test
    void followsAtMostFiveRedirects() throws IOException {
        Server server = servers.http().handle("/loop", exchange -> respond(exchange, 302, "", Map.of("Location", "/loop")));

        ProbeResult result = runner.run(probe("http", server.url("http", "127.0.0.1", "/loop")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).startsWith("more than 5 redirects");
        assertThat(server.requests).hasValue(6);
    }

    @Test
    void allowListRefusesTargetWithoutConnecting() throws IOException {
        Server server = servers.http().handle("/", exchange -> respond(exchange, 200, "ok"));

        try (ProbeRunner restricted = Probes.runner(Probes.settings("*.example.com", "status.example.org"),
                TestCertificates.trustingTestCertificates())) {
            ProbeResult result = restricted.run(probe("http", server.url("http", "127.0.0.1", "/")));

            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.detail()).isEqualTo("host 127.0.0.1 not in PREFLIGHT_PROBE_ALLOWED_HOSTS");
        }
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void allowListIsCheckedForEveryRedirectHop() throws IOException {
        Server elsewhere = servers.http().handle("/", exchange -> respond(exchange, 200, "ok"));
        Server start = servers.http().handle("/", exchange -> respond(exchange, 302, "",
                Map.of("Location", elsewhere.url("http", "127.0.0.1", "/"))));

        try (ProbeRunner restricted = Probes.runner(Probes.settings("localhost"), TestCertificates.trustingTestCertificates())) {
            ProbeResult result = restricted.run(probe("http", start.url("http", "localhost", "/")));

            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.detail()).isEqualTo("redirected to " + elsewhere.url("http", "127.0.0.1", "/")
                    + ", but host 127.0.0.1 not in PREFLIGHT_PROBE_ALLOWED_HOSTS");
        }
        assertThat(start.requests).hasValue(1);
        assertThat(elsewhere.requests).hasValue(0);
    }

    @Test
    void readsAtMostMaxBodyBytesOfAnEndlessBody() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        AtomicLong written = new AtomicLong();
        long limit = 1L << 30;
        Server server = servers.http().handle("/big", exchange -> {
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'x');
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < limit) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                hungUp.countDown();
            }
        });

        ProbeResult result = runner.run(probe("http", server.url("http", "127.0.0.1", "/big"), Map.of("body_contains", "needle")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("body does not contain \"needle\" in its first 64 KiB");
        assertThat(hungUp.await(30, TimeUnit.SECONDS)).as("the probe closed the connection mid-body").isTrue();
        assertThat(written.get()).isLessThan(limit);
    }

    @Test
    void credentialsInTheUrlAreSentButNeverShown() throws IOException {
        AtomicReference<String> authorization = new AtomicReference<>();
        Server server = servers.http().handle("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 401, "no");
        });
        String url = "http://deployer:s3cret@127.0.0.1:" + server.port() + "/";

        ProbeResult result = runner.run(probe("http", url));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.target()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(result.detail()).doesNotContain("s3cret").contains("401");
        assertThat(authorization.get()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("deployer:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusedAndUnknownHostsFailWithAReason() throws IOException {
        ProbeResult refused = runner.run(probe("http", "http://127.0.0.1:" + TestServers.closedPort() + "/"));
        ProbeResult unknown = runner.run(probe("http", "https://no-such-host.invalid/health"));

        assertThat(refused.detail()).isEqualTo("connection refused");
        assertThat(unknown.detail()).isEqualTo("no such host no-such-host.invalid");
    }

    @Test
    void malformedDefinitionsFailClearly() {
        assertThat(runner.run(probe("http", "ftp://example.com/")).detail())
                .isEqualTo("invalid probe: target ftp://example.com/ is not an http(s):// URL");
        assertThat(runner.run(probe("http", "http://exa mple.com/")).detail())
                .isEqualTo("invalid probe: target http://exa mple.com/ is not a valid URL");
        assertThat(runner.run(probe("http", "http://example.com/", Map.of("staus", 200))).detail())
                .startsWith("invalid probe: unknown expect key for http staus");
        assertThat(runner.run(probe("http", "http://example.com/", Map.of("status", "ok"))).detail())
                .isEqualTo("invalid probe: status ok is not a status like 200, \"2xx\" or \"200-299\"");
        assertThat(runner.run(probe("http", "http://example.com/", Map.of(), Map.of("method", "POST"))).detail())
                .isEqualTo("invalid probe: method must be GET or HEAD, not POST");
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
