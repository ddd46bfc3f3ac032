package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static preflight.probe.Probes.probe;
import static preflight.probe.TestServers.respond;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import preflight.probe.ProbeResult.Outcome;
import preflight.probe.TestServers.Server;

/**
 * A name whose DNS answer changes between lookups (rebinding) reaches no internal address: an HTTP probe
 * connects to the very addresses the policy checked. 127.0.0.2 stands for a public address here and
 * 127.0.0.1 is the one internal address; the name rebind.test answers 127.0.0.2 first and 127.0.0.1 after.
 */
@Timeout(60)
class RebindingTest {

    private static final String NAME = "rebind.test";
    private static final String REFUSED = "loopback, link-local or private address";

    private final TestServers servers = new TestServers();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Dns rebinding = host -> {
        if (!host.equals(NAME)) {
            return Dns.SYSTEM.lookup(host);
        }
        byte last = (byte) (lookups.getAndIncrement() == 0 ? 2 : 1);
        return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, last}));
    };
    private final ProbeRunner runner = new ProbeRunner(Probes.settings(), TestCertificates.trustingTestCertificates(),
            Clock.systemUTC(), new AddressPolicy(address -> address.getHostAddress().equals("127.0.0.1")), rebinding);

    @AfterEach
    void stop() throws IOException {
        runner.close();
        servers.close();
    }

    @Test
    void eachRunConnectsOnlyToTheAddressItsOwnLookupChecked() throws IOException {
        Server outside = servers.http("127.0.0.2", 0).handle("/", exchange -> respond(exchange, 200, "outside"));
        // the same port on the internal address: any second lookup would connect here
        Server inside = servers.http("127.0.0.1", outside.port()).handle("/", exchange -> respond(exchange, 200, "inside"));
        String url = "http://" + NAME + ":" + outside.port() + "/";

        ProbeResult first = runner.run(probe("http", url, Map.of("body_contains", "outside")));
        int lookupsOfTheFirstRun = lookups.get();
        ProbeResult second = runner.run(probe("http", url));

        assertThat(first.outcome()).isEqualTo(Outcome.PASS);
        assertThat(lookupsOfTheFirstRun).isEqualTo(1);
        assertThat(second.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(second.detail()).startsWith(NAME + " (127.0.0.1) is a").contains(REFUSED);
        assertThat(outside.requests).hasValue(1);
        assertThat(inside.requests).hasValue(0);
    }

    @Test
    void aRedirectHopThatRebindsToAnInternalAddressIsRefused() throws IOException {
        Server inside = servers.http("127.0.0.1", 0).handle("/", exchange -> respond(exchange, 200, "inside"));
        Server outside = servers.http("127.0.0.2", 0).handle("/", exchange -> respond(exchange, 302, "",
                Map.of("Location", "http://" + NAME + ":" + inside.port() + "/")));

        ProbeResult result = runner.run(probe("http", "http://" + NAME + ":" + outside.port() + "/"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.detail()).startsWith(NAME + " (127.0.0.1) is a").contains(REFUSED);
        assertThat(lookups).hasValue(2);
        assertThat(outside.requests).hasValue(1);
        assertThat(inside.requests).hasValue(0);
    }

    @Test
    void aNameWithAnyInternalAddressIsRefusedWholeNotFiltered() throws IOException {
        Dns mixed = host -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5}));
        Dns checked = new AddressPolicy(false, false).dns(mixed);

        assertThatThrownBy(() -> checked.lookup("mixed.test"))
                .isInstanceOf(UnknownHostException.class)
                .hasCauseInstanceOf(AddressPolicy.Refused.class)
                .satisfies(refusal -> assertThat(Failures.describe(refusal, "mixed.test", Duration.ofSeconds(1)))
                        .startsWith("mixed.test (10.0.0.5) is a").contains(REFUSED));
    }
}
