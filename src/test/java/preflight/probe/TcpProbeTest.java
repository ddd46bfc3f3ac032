package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.probe.Probes.probe;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import preflight.probe.ProbeResult.Outcome;

@Timeout(60)
class TcpProbeTest {

    private final TestServers servers = new TestServers();
    private final ProbeRunner runner = Probes.trustingRunner();

    @AfterEach
    void stop() throws IOException {
        runner.close();
        servers.close();
    }

    @Test
    void openPortPassesWithLatency() throws IOException {
        int port = servers.silentPort().getLocalPort();

        ProbeResult result = runner.run(probe("tcp", "127.0.0.1:" + port));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.detail()).matches("connected in \\d+ ms");
        assertThat(result.target()).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void closedPortFailsRefused() throws IOException {
        ProbeResult result = runner.run(probe("tcp", "localhost:" + TestServers.closedPort()));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("connection refused");
    }

    @Test
    void unknownHostFails() {
        assertThat(runner.run(probe("tcp", "no-such-host.invalid:5432")).detail())
                .isEqualTo("no such host no-such-host.invalid");
    }

    @Test
    void targetWithoutPortIsInvalid() {
        ProbeResult result = runner.run(probe("tcp", "db.internal"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("invalid probe: target db.internal has no port; expected host:port");
    }

    @Test
    void ipv6TargetsUseBrackets() throws Exception {
        assertThat(HostPort.parse("[::1]:5432", -1)).isEqualTo(new HostPort("::1", 5432));
        assertThat(HostPort.parse("[::1]:5432", -1)).hasToString("[::1]:5432");
        assertThat(runner.run(probe("tcp", "::1:5432")).detail()).startsWith("invalid probe: target ::1:5432 is not host:port");
    }
}
