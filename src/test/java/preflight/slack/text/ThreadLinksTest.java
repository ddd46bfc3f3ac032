package preflight.slack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import preflight.deployment.Release;
import preflight.deployment.ReleaseStatus;

class ThreadLinksTest {

    @Test
    void aReleaseIsNamedByVersionAndEnvironmentInMrkdwn() {
        assertThat(ThreadLinks.name(release("v1.2", "prod<eu>"))).isEqualTo("v1.2 → prod&lt;eu&gt;");
    }

    @Test
    void aListLineLinksTheVersionAndCutsLongNames() {
        var named = ThreadLinks.beforePosting().toNamed(release("v" + "9".repeat(100), "e".repeat(50)));

        assertThat(named).startsWith("v" + "9".repeat(78)).contains("(its thread is being posted) → ")
                .doesNotContain("9".repeat(80)).doesNotContain("e".repeat(41));
    }

    private static Release release(String version, String environment) {
        var now = Instant.parse("2026-11-30T12:00:00Z");
        return new Release(1L, 0, "C1", version, environment, "t", "", "U0ALICE", "alice",
                ReleaseStatus.IN_PROGRESS, now, now);
    }
}
