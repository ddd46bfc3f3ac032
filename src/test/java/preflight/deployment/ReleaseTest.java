package preflight.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import preflight.checklist.ChecklistParser;
import preflight.checklist.Template;
import preflight.testing.Templates;

/** The release aggregate's own rules: which step follows which, and what each step records. */
class ReleaseTest {

    static final Instant STARTED = Instant.parse("2026-11-21T14:00:00Z");
    static final Instant LATER = STARTED.plusSeconds(3600);
    static final Actor MANAGER = new Actor("U0BOB", "bob");
    static final String SOURCE = "# Release\n- [ ] Tests green\n";

    static Release started() {
        return Release.start(new StartRelease("C0REL", "v1.2", "production", "default",
                new Actor("U0ALICE", "alice")), new Template("default", SOURCE, Templates.parser().parse("default", SOURCE)),
                STARTED);
    }

    @Test
    void aNewReleaseIsInProgressAndStartedByItsStarter() {
        var release = started();

        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_PROGRESS);
        assertThat(release.version()).isEqualTo("v1.2");
        assertThat(release.startedBy()).isEqualTo("U0ALICE");
        assertThat(release.startedAt()).isEqualTo(STARTED);
        assertThat(release.shippedAt()).isNull();
    }

    @Test
    void shippingRecordsTheTimeAndAnyOverride() {
        var release = started();

        release.ship("hotfix for an outage", MANAGER, LATER);
        assertThat(release.overrideBy()).isEqualTo(MANAGER);

        assertThat(release.status()).isEqualTo(ReleaseStatus.SHIPPED);
        assertThat(release.shippedAt()).isEqualTo(LATER);
        assertThat(release.overrideReason()).isEqualTo("hotfix for an outage");
        assertThat(release.closedAt()).isNull();
    }

    @Test
    void aShippedReleaseCompletesOrRollsBackAndIsThenClosed() {
        var completed = started();
        completed.ship(null, MANAGER, LATER);
        completed.complete(LATER.plusSeconds(60));
        assertThat(completed.status()).isEqualTo(ReleaseStatus.COMPLETED);
        assertThat(completed.closedAt()).isEqualTo(LATER.plusSeconds(60));
        assertThat(completed.status().active()).isFalse();

        var rolledBack = started();
        rolledBack.ship(null, MANAGER, LATER);
        rolledBack.rollBack("error rate doubled", LATER.plusSeconds(60));
        assertThat(rolledBack.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
        assertThat(rolledBack.closeReason()).isEqualTo("error rate doubled");
    }

    @Test
    void anAbortedReleaseKeepsItsReasonAndCanNoLongerShip() {
        var release = started();
        release.abort("wrong branch", LATER);

        assertThat(release.status()).isEqualTo(ReleaseStatus.ABORTED);
        assertThat(release.closeReason()).isEqualTo("wrong branch");
        assertThatThrownBy(() -> release.ship(null, MANAGER, LATER)).isInstanceOf(Refused.class);
        assertThat(release.status()).isEqualTo(ReleaseStatus.ABORTED);
    }

    @Test
    void stepsOutOfOrderAreRefusedAndChangeNothing() {
        var release = started();

        assertThatThrownBy(() -> release.complete(LATER)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> release.rollBack("why", LATER)).isInstanceOf(Refused.class);
        assertThat(release.status()).isEqualTo(ReleaseStatus.IN_PROGRESS);
        assertThat(release.closedAt()).isNull();

        release.ship(null, MANAGER, LATER);
        assertThatThrownBy(() -> release.ship(null, MANAGER, LATER)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> release.abort("late", LATER)).isInstanceOf(Refused.class);
        assertThat(release.status()).isEqualTo(ReleaseStatus.SHIPPED);
    }
}
