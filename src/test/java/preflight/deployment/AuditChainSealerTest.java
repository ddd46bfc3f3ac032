package preflight.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.testing.BlockKit;
import preflight.testing.SlackAppFixture;

/** Audit events are chained shortly after they commit, without anyone reading the report. */
class AuditChainSealerTest extends SlackAppFixture {

    @Autowired
    DataSource dataSource;
    @Autowired
    AuditTrail audit;

    @Test
    void eventsAreSealedInOneChainSoonAfterTheyCommit() {
        requests.command(channel, "U0ALICE", "alice", "start v4.4");
        tickFirstItem("v4.4");

        awaitSealed(2);
        assertThat(jdbc.sql("SELECT seq FROM deployment_event_seal ORDER BY seq").query(Integer.class).list())
                .containsExactly(1, 2);
        assertLinked(2);
    }

    /**
     * A transaction that wrote its event before a later one committed, and commits after that one
     * was sealed: a round must not move its horizon past it, or the event would never be sealed.
     */
    @Test
    void anEventCommittedAfterLaterOnesWereSealedIsSealedAfterThem() throws Exception {
        requests.command(channel, "U0ALICE", "alice", "start v4.5");
        long releaseId = jdbc.sql("SELECT id FROM deployment").query(Long.class).single();
        try (Connection straggler = dataSource.getConnection()) {
            straggler.setAutoCommit(false);
            try (var insert = straggler.prepareStatement("""
                    INSERT INTO deployment_event (deployment_id, type, actor_id, actor_name, at)
                    VALUES (?, 'NOTE', 'U0CAROL', 'carol', now()) RETURNING id""")) {
                insert.setLong(1, releaseId);
                insert.executeQuery();
            }
            tickFirstItem("v4.5");
            awaitSealed(2);
            straggler.commit();
        }

        awaitSealed(3);
        assertThat(jdbc.sql("""
                        SELECT e.type FROM deployment_event_seal s JOIN deployment_event e ON e.id = s.event_id
                         ORDER BY s.seq""").query(String.class).list())
                .containsExactly("STARTED", "ITEM_TICKED", "NOTE");
        assertLinked(3);
    }

    /** Events sealed before V65 were hashed by PostgreSQL; their reports must still check out. */
    @Test
    void sealsHashAsPostgresHashedTheEventsSealedBeforeSealingMovedToTheApplication() {
        requests.command(channel, "U0ALICE", "alice", "start v4.6");
        long releaseId = jdbc.sql("SELECT id FROM deployment").query(Long.class).single();
        audit.record(releaseId, "NOTE", new Actor("U0CAROL", "Carol Déploiement ✓"), null, "multi\nline | détail",
                Instant.parse("2026-11-30T10:00:00.123456Z"));
        tickFirstItem("v4.6");

        awaitSealed(3);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM deployment_event_seal s JOIN deployment_event e ON e.id = s.event_id
                         WHERE s.hash = audit_event_hash(s.prev_hash, e.deployment_id, s.seq, e.type, e.actor_id,
                                                         e.actor_name, e.subject, e.detail, e.at)""")
                .query(Integer.class).single()).isEqualTo(3);
    }

    private void tickFirstItem(String version) {
        var thread = awaitThread(version, 1);
        var checklist = thread.stream().filter(m -> !BlockKit.checkboxes(m).isEmpty()).findFirst().orElseThrow();
        requests.toggleCheckbox(checklist, BlockKit.optionValues(List.of(checklist)).getFirst(), "U0BOB", "bob");
    }

    private void awaitSealed(int events) {
        await(() -> jdbc.sql("SELECT count(*) FROM deployment_event_seal").query(Integer.class).single() == events,
                events + " events sealed");
    }

    private void assertLinked(int events) {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM deployment_event_seal e JOIN deployment_event_seal p
                            ON p.deployment_id = e.deployment_id AND p.seq = e.seq - 1 AND p.hash = e.prev_hash""")
                .query(Integer.class).single()).as("each event links to the one before").isEqualTo(events - 1);
    }
}
