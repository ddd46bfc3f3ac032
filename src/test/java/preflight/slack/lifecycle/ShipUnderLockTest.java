package preflight.slack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.deployment.Actor;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.deployment.ShipBlocked;
import preflight.testing.SlackAppFixture;
import preflight.words.MissingText;

/** A rejection committed while a ship is deciding is never skipped: the verdict is read under the row's lock. */
class ShipUnderLockTest extends SlackAppFixture {

    @Autowired
    ReleaseLifecycle lifecycle;

    @Autowired
    DataSource dataSource;

    @Autowired
    ReleaseService releases;

    @Test
    void aRejectionCommittedDuringTheShipBlocksIt() throws Exception {
        requests.command(channel, "U0ALICE", "alice", "start v6.0 signoff-test");
        long id = jdbc.sql("SELECT id FROM deployment WHERE channel_id = ?").param(channel).query(Long.class).single();
        everythingDoneAndSigned(id);

        CompletableFuture<Object> ship;
        try (var rejecting = dataSource.getConnection()) {
            rejecting.setAutoCommit(false);
            try (var statement = rejecting.createStatement()) {
                // what SignoffService does when QA Lead rejects: share-lock the release, change the decision
                statement.execute("SELECT status FROM deployment WHERE id = " + id + " FOR SHARE");
                statement.execute("UPDATE signoff_decision SET decision = 'REJECTED', decided_by = 'U0QA1',"
                        + " reason = 'data loss in staging' WHERE deployment_id = " + id + " AND role_key = 'qa lead'");
            }
            ship = CompletableFuture.supplyAsync(() -> {
                try {
                    return lifecycle.ship(id, new Actor("U0ALICE", "alice"), null);
                } catch (RuntimeException e) {
                    return e;
                }
            });
            await(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock'""")
                    .query(Integer.class).single() > 0, "the ship waiting for the rejection's lock");
            rejecting.commit();
        }

        Object outcome = ship.get(15, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOfSatisfying(ShipBlocked.class,
                blocked -> assertThat(blocked.missing()).extracting(MissingText::of).contains("QA Lead rejected"));
        assertThat(jdbc.sql("SELECT status FROM deployment WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("SELECT count(*) FROM deployment_event WHERE type LIKE 'SHIPPED%'")
                .query(Integer.class).single()).isZero();
    }

    private void everythingDoneAndSigned(long id) {
        var release = releases.find(id).orElseThrow();
        for (var item : releases.checklistOf(release).items()) {
            jdbc.sql("""
                    INSERT INTO item_tick (deployment_id, item_id, ticked_by, ticked_by_name, ticked_at)
                    VALUES (?, ?, 'U0BOB', 'bob', now())""").params(id, item.id()).update();
        }
        for (String role : new String[] {"Tech Lead", "QA Lead", "Product Owner"}) {
            jdbc.sql("""
                    INSERT INTO signoff_decision (deployment_id, role_key, role, decision, decided_by, decided_by_name,
                                                  decided_at)
                    VALUES (?, lower(?), ?, 'APPROVED', 'U0BOB', 'bob', now())""").params(id, role, role).update();
        }
        assertThat(lifecycle.missingToShip(release)).as("GO before the rejection").isEmpty();
    }
}
