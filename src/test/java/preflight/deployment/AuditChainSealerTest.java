package preflight.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.testing.BlockKit;
import preflight.testing.SlackAppFixture;

/** Audit events are chained shortly after they commit, without anyone reading the report. */
class AuditChainSealerTest extends SlackAppFixture {

    @Test
    void eventsAreSealedInOneChainSoonAfterTheyCommit() {
        requests.command(channel, "U0ALICE", "alice", "start v4.4");
        var thread = awaitThread("v4.4", 1);
        var checklist = thread.stream().filter(m -> !BlockKit.checkboxes(m).isEmpty()).findFirst().orElseThrow();
        requests.toggleCheckbox(checklist, BlockKit.optionValues(List.of(checklist)).getFirst(), "U0BOB", "bob");

        await(() -> jdbc.sql("SELECT count(*) FROM deployment_event WHERE hash IS NULL").query(Integer.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM deployment_event").query(Integer.class).single() == 2, "events sealed");

        assertThat(jdbc.sql("SELECT seq FROM deployment_event ORDER BY seq").query(Integer.class).list())
                .containsExactly(1, 2);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM deployment_event e JOIN deployment_event p
                            ON p.deployment_id = e.deployment_id AND p.seq = e.seq - 1 AND p.hash = e.prev_hash""")
                .query(Integer.class).single()).as("each event links to the one before").isEqualTo(1);
    }
}
