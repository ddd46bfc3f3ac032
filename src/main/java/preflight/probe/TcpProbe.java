package preflight.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import preflight.checklist.ProbeDefinition;

final class TcpProbe implements Prober {

    private final AddressPolicy policy;

    TcpProbe(AddressPolicy policy) {
        this.policy = policy;
    }

    private static final Set<String> EXPECT_KEYS = Set.of("max_ms");
    private static final Set<String> OPTION_KEYS = Set.of("timeout");

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public Plan plan(ProbeDefinition probe, Duration timeout) throws InvalidProbeException {
        Map<String, Object> expect = probe.expect() == null ? Map.of() : probe.expect();
        ProbeOptions.requireKnownKeys(expect, EXPECT_KEYS, "expect key for tcp");
        ProbeOptions.requireKnownKeys(probe.options() == null ? Map.of() : probe.options(), OPTION_KEYS, "option for tcp");
        HostPort target = HostPort.parse(probe.target(), -1);
        Integer maxMs = ProbeOptions.nonNegative(expect, "max_ms");
        return new Plan(target.host(), target.toString(), () -> execute(policy, target, maxMs, timeout));
    }

    private static Check execute(AddressPolicy policy, HostPort target, Integer maxMs, Duration timeout)
            throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Socket socket = policy.socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), TlsProbe.remainingMillis(deadline, timeout));
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            String summary = "connected in " + Detail.millis(latency);
            return Check.of(maxMs != null && latency.toMillis() > maxMs
                    ? List.of(summary + " (> " + maxMs + " ms)") : List.of(), summary, latency);
        }
    }
}
