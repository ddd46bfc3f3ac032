package preflight.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.X509TrustManager;

import preflight.checklist.ProbeDefinition;

final class Probes {

    private Probes() {
    }

    static ProbeDefinition probe(String kind, String target) {
        return probe(kind, target, Map.of(), Map.of());
    }

    static ProbeDefinition probe(String kind, String target, Map<String, Object> expect) {
        return probe(kind, target, expect, Map.of());
    }

    static ProbeDefinition probe(String kind, String target, Map<String, Object> expect, Map<String, Object> options) {
        return new ProbeDefinition(kind + "-probe", kind, target, expect, List.of("item-" + kind), options, 7);
    }

    static ProbeSettings settings(String... allowedHosts) {
        return new ProbeSettings(Duration.ofSeconds(10), List.of(allowedHosts), 0, 0, true);
    }

    static ProbeRunner runner(ProbeSettings settings, X509TrustManager trust) {
        return new ProbeRunner(settings, trust, Clock.systemUTC());
    }

    static ProbeRunner trustingRunner() {
        return runner(settings(), TestCertificates.trustingTestCertificates());
    }
}
