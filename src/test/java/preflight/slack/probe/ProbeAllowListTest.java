package preflight.slack.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import preflight.testing.ProbeTargets;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

/**
 * PREFLIGHT_PROBE_ALLOWED_HOSTS refuses targets the admin did not allow, even in a template.
 * The one test class with its own Spring context.
 */
@TestPropertySource(properties = "preflight.probe.allowed-hosts=*.probes.example.com")
class ProbeAllowListTest extends SlackAppFixture {

    private static ProbeTargets targets;

    @BeforeAll
    static void startTargets() {
        targets = new ProbeTargets();
        targets.writeTemplate("probe-allow-list-test");
    }

    @AfterAll
    static void stopTargets() {
        targets.close();
    }

    @Test
    void aTargetOutsideTheAllowListIsNeverContactedAndTicksNothing() {
        requests.command(channel, "U0ALICE", "alice", "start v1.2 probe-allow-list-test");
        awaitThread("v1.2", 1);

        requests.command(channel, "U0ALICE", "alice", "probe");

        await(() -> jdbc.sql("SELECT count(*) FROM probe_run WHERE status = 'FINISHED'").query(Integer.class)
                .single() == 1, "the run to finish");
        assertThat(jdbc.sql("SELECT probe_id || ':' || outcome || ':' || detail FROM probe_result ORDER BY position")
                .query(String.class).list()).containsExactly(
                "health:FAIL:host 127.0.0.1 not in PREFLIGHT_PROBE_ALLOWED_HOSTS",
                "hsts:FAIL:host 127.0.0.1 not in PREFLIGHT_PROBE_ALLOWED_HOSTS",
                "port:FAIL:host 127.0.0.1 not in PREFLIGHT_PROBE_ALLOWED_HOSTS");
        assertThat(targets.requests.get()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM item_tick").query(Integer.class).single()).isZero();
        await(() -> slack.messages(channel).stream().anyMatch(m -> m.text().contains("0 of 3 passed")),
                "the refusal in the thread");
        var message = slack.messages(channel).stream().filter(m -> m.text().startsWith("Probe run #1")).findFirst()
                .orElseThrow();
        assertThat(ProbeRunTest.blockText(message)).contains("host 127.0.0.1 not in PREFLIGHT_PROBE_ALLOWED_HOSTS");
        SlackLimits.assertWithinLimits(message);
    }
}
