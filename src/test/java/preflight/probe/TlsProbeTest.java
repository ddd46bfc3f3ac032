package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.probe.Probes.probe;
import static preflight.probe.TestServers.respond;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import preflight.probe.ProbeResult.Outcome;
import preflight.probe.TestServers.Server;

/*
 * A TLS 1.1-only server is not tested: the JDK disables TLSv1.1 in jdk.tls.disabledAlgorithms and re-enabling it
 * means changing a JVM-wide security property before any TLS class loads. The min_protocol check is shown with a
 * TLS 1.2-only server against min_protocol TLSv1.3 instead.
 */
@Timeout(60)
class TlsProbeTest {

    private final TestServers servers = new TestServers();
    private final ProbeRunner runner = Probes.trustingRunner();

    @AfterEach
    void stop() throws IOException {
        runner.close();
        servers.close();
    }

    private String tlsTarget(TestCertificates.Certificate certificate, String... protocols) throws IOException {
        Server server = servers.https(certificate.serverContext(), protocols).handle("/", exchange -> respond(exchange, 200, "ok"));
        return "localhost:" + server.port();
    }

    @Test
    void trustedCertificateValidFor60DaysPasses() throws IOException {
        ProbeResult result = runner.run(probe("tls", tlsTarget(TestCertificates.LOCALHOST)));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.detail()).matches("TLSv1\\.3, certificate expires in (59|60) days");
    }

    @Test
    void certificateExpiringIn5DaysFailsMinDays14() throws IOException {
        ProbeResult result = runner.run(probe("tls", tlsTarget(TestCertificates.EXPIRING), Map.of("min_days", 14)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).matches("certificate expires in [45] days \\(< 14\\)");
    }

    @Test
    void defaultMinDaysIs14() throws IOException {
        String target = tlsTarget(TestCertificates.EXPIRING);

        assertThat(runner.run(probe("tls", target)).detail()).endsWith("(< 14)");
        assertThat(runner.run(probe("tls", target, Map.of("min_days", 3))).passed()).isTrue();
    }

    @Test
    void expiredCertificateFails() throws IOException {
        ProbeResult result = runner.run(probe("tls", tlsTarget(TestCertificates.EXPIRED)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).startsWith("certificate expired");
    }

    @Test
    void untrustedChainFails() throws Exception {
        String target = tlsTarget(TestCertificates.LOCALHOST);

        try (ProbeRunner defaultTrust = Probes.runner(Probes.settings(), ProbeTrust.jdkDefault())) {
            ProbeResult result = defaultTrust.run(probe("tls", target));

            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.detail()).isEqualTo("certificate not trusted (no chain to a trusted root)");
        }
    }

    @Test
    void certificateForAnotherHostFails() throws IOException {
        ProbeResult result = runner.run(probe("tls", tlsTarget(TestCertificates.OTHER_NAME)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("certificate does not match host localhost");
    }

    @Test
    void ipAddressTargetIsCheckedAgainstIpSubjectAlternativeNames() throws IOException {
        Server good = servers.https(TestCertificates.LOCALHOST.serverContext()).handle("/", exchange -> respond(exchange, 200, ""));
        Server other = servers.https(TestCertificates.OTHER_NAME.serverContext()).handle("/", exchange -> respond(exchange, 200, ""));

        assertThat(runner.run(probe("tls", "127.0.0.1:" + good.port())).passed()).isTrue();
        assertThat(runner.run(probe("tls", "127.0.0.1:" + other.port())).detail())
                .isEqualTo("certificate does not match host 127.0.0.1");
    }

    @Test
    void negotiatedProtocolBelowMinimumFails() throws IOException {
        String tls12Only = tlsTarget(TestCertificates.LOCALHOST, "TLSv1.2");

        ProbeResult tooOld = runner.run(probe("tls", tls12Only, Map.of("min_protocol", "TLSv1.3")));
        ProbeResult enough = runner.run(probe("tls", tls12Only, Map.of("min_protocol", "tls 1.2")));

        assertThat(tooOld.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(tooOld.detail()).isEqualTo("negotiated TLSv1.2 (< TLSv1.3)");
        assertThat(enough.outcome()).isEqualTo(Outcome.PASS);
        assertThat(enough.detail()).startsWith("TLSv1.2, certificate expires in ");
    }

    @Test
    void closedPortFailsRefused() throws IOException {
        ProbeResult result = runner.run(probe("tls", "127.0.0.1:" + TestServers.closedPort()));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("connection refused");
    }

    @Test
    void serverThatNeverAnswersTheHandshakeTimesOut() throws IOException {
        ServerSocket silent = servers.silentPort();

        ProbeResult result = runner.run(probe("tls", "127.0.0.1:" + silent.getLocalPort(), Map.of(), Map.of("timeout", "300ms")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("timed out after 300 ms");
    }

    @Test
    void unknownHostFails() {
        ProbeResult result = runner.run(probe("tls", "no-such-host.invalid:443"));

        assertThat(result.detail()).isEqualTo("no such host no-such-host.invalid");
    }

    @Test
    void malformedDefinitionsFailClearly() {
        assertThat(runner.run(probe("tls", "https://example.com")).detail())
                .isEqualTo("invalid probe: target https://example.com is not host:port");
        assertThat(runner.run(probe("tls", "example.com:99999")).detail())
                .isEqualTo("invalid probe: target example.com:99999 has an invalid port");
        assertThat(runner.run(probe("tls", "example.com:443", Map.of("min_protocol", "TLSv2"))).detail())
                .startsWith("invalid probe: min_protocol TLSv2 is not one of");
        assertThat(runner.run(probe("tls", "example.com:443", Map.of("min_days", -1))).detail())
                .isEqualTo("invalid probe: min_days must not be negative");
    }

    @Test
    void protocolsRankOldestFirst() {
        assertThat(TlsProbe.rank("TLSv1.1")).isLessThan(TlsProbe.rank("TLSv1.2"));
        assertThat(TlsProbe.rank("TLSv1.2")).isLessThan(TlsProbe.rank("TLSv1.3"));
        assertThat(TlsProbe.rank("TLSv1.4")).isGreaterThan(TlsProbe.rank("TLSv1.3"));
    }
}
