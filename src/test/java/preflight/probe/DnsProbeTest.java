package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static preflight.probe.Probes.probe;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import preflight.probe.ProbeResult.Outcome;

@Timeout(60)
class DnsProbeTest {

    private final ProbeRunner runner = Probes.trustingRunner();

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void localhostResolves() {
        ProbeResult result = runner.run(probe("dns", "localhost"));

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.detail()).startsWith("resolves to ").contains("127.0.0.1");
    }

    @Test
    void localhostResolvesToTheExpectedAddress() {
        assertThat(runner.run(probe("dns", "localhost", Map.of("address", "127.0.0.1"))).passed()).isTrue();
        assertThat(runner.run(probe("dns", "localhost", Map.of("address", List.of("10.0.0.1", "127.0.0.1")))).passed()).isTrue();
    }

    @Test
    void resolvingToAnotherAddressFails() {
        ProbeResult result = runner.run(probe("dns", "localhost", Map.of("address", "10.0.0.1")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).startsWith("resolves to ").contains("127.0.0.1").endsWith(", not 10.0.0.1");
    }

    @Test
    void unresolvableNameFails() {
        ProbeResult result = runner.run(probe("dns", "no-such-host.invalid"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).isEqualTo("no such host no-such-host.invalid");
    }

    @Test
    void malformedDefinitionsFailClearly() {
        assertThat(runner.run(probe("dns", "https://example.com/")).detail())
                .isEqualTo("invalid probe: target https://example.com/ is not a host name");
        assertThat(runner.run(probe("dns", "example.com", Map.of("address", "example.org"))).detail())
                .isEqualTo("invalid probe: address example.org is not an IP address");
        assertThat(runner.run(probe("dns", "example.com", Map.of("address", "999.1.1.1"))).detail())
                .isEqualTo("invalid probe: address 999.1.1.1 is not an IP address");
    }
}
