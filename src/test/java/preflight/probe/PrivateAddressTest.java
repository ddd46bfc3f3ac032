package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.probe.Probes.probe;
import static preflight.probe.TestServers.respond;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import preflight.probe.ProbeResult.Outcome;
import preflight.probe.TestServers.Server;

/** With no allow-list, probes reach no loopback, link-local or private address unless told they may. */
@Timeout(60)
class PrivateAddressTest {

    private static final String REFUSED = "loopback, link-local or private address";

    private final TestServers servers = new TestServers();
    private final ProbeRunner strict = Probes.runner(new ProbeSettings(Duration.ofSeconds(5), List.of(), 0, 0, false),
            TestCertificates.trustingTestCertificates());
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        strict.close();
        servers.close();
    }

    @Test
    void loopbackIsRefusedByAddressByNameAndForEveryKindAndNothingIsSent() throws IOException {
        Server server = servers.http().handle("/", exchange -> {
            requests.incrementAndGet();
            respond(exchange, 200, "ok");
        });
        ServerSocket port = servers.silentPort();

        var byAddress = strict.run(probe("http", server.url("http", "127.0.0.1", "/")));
        var byName = strict.run(probe("http", server.url("http", "localhost", "/")));
        var tcp = strict.run(probe("tcp", "127.0.0.1:" + port.getLocalPort()));
        var tls = strict.run(probe("tls", "localhost:" + port.getLocalPort()));

        for (var result : List.of(byAddress, byName, tcp, tls)) {
            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.detail()).contains(REFUSED, "PREFLIGHT_PROBE_ALLOW_PRIVATE");
        }
        assertThat(byName.detail()).contains("localhost (127.0.0.1)");
        assertThat(requests).hasValue(0);
    }

    @Test
    void theSwitchOrAnAllowListLetsProbesReachThem() throws IOException {
        Server server = servers.http().handle("/", exchange -> respond(exchange, 200, "ok"));
        try (var allowed = Probes.runner(new ProbeSettings(Duration.ofSeconds(5), List.of(), 0, 0, true),
                TestCertificates.trustingTestCertificates());
             var listed = Probes.runner(new ProbeSettings(Duration.ofSeconds(5), List.of("127.0.0.1"), 0, 0, false),
                     TestCertificates.trustingTestCertificates())) {
            assertThat(allowed.run(probe("http", server.url("http", "localhost", "/"))).outcome()).isEqualTo(Outcome.PASS);
            assertThat(listed.run(probe("http", server.url("http", "127.0.0.1", "/"))).outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Test
    void aRedirectToARefusedAddressIsNotFollowed() throws IOException {
        var redirected = new AtomicInteger();
        Server server = servers.http()
                .handle("/", exchange -> {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + exchange.getLocalAddress().getPort() + "/next");
                    respond(exchange, 302, "");
                })
                .handle("/next", exchange -> {
                    redirected.incrementAndGet();
                    respond(exchange, 200, "inside");
                });
        // every test server is on loopback: here only 127.0.0.2 counts as internal
        var policy = new AddressPolicy(address -> address.getHostAddress().equals("127.0.0.2"));
        try (var runner = new ProbeRunner(Probes.settings(), TestCertificates.trustingTestCertificates(),
                Clock.systemUTC(), policy, Dns.SYSTEM)) {
            var result = runner.run(probe("http", server.url("http", "127.0.0.1", "/")));

            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.detail()).contains("127.0.0.2", REFUSED);
            assertThat(redirected).hasValue(0);
        }
    }

    @Test
    void internalAddressesAreKnownInBothFamilies() throws IOException {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254")) {
            assertThat(AddressPolicy.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111")) {
            assertThat(AddressPolicy.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void probesBeyondTheGlobalCapAreRefusedFriendly() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Server server = servers.http().handle("/slow", exchange -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "ok");
        });
        try (var runner = Probes.runner(new ProbeSettings(Duration.ofSeconds(10), List.of(), 0, 1, true),
                TestCertificates.trustingTestCertificates())) {
            var first = CompletableFuture.supplyAsync(() -> runner.run(probe("http", server.url("http", "127.0.0.1", "/slow"))));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            var second = runner.run(probe("http", server.url("http", "127.0.0.1", "/slow"), Map.of(),
                    Map.of("timeout", "300ms")));

            assertThat(second.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(second.detail()).contains("not run", "already running", "again in a minute");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.PASS);
        }
    }
}
