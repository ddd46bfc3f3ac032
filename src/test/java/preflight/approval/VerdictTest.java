package preflight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import preflight.deployment.Actor;
import preflight.deployment.Missing;
import preflight.deployment.Progress;

class VerdictTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void goWhenEveryItemIsTickedEveryRoleApprovedAndProbesPassed() {
        var verdict = Verdict.of(new Progress(12, 12), List.of(approved("Tech Lead"), approved("QA Lead")), true,
                Optional.of(true));

        assertThat(verdict.go()).isTrue();
        assertThat(verdict.missing()).isEmpty();
    }

    @Test
    void noGoListsEveryMissingPieceInOrder() {
        var verdict = Verdict.of(new Progress(3, 15),
                List.of(approved("Tech Lead"), waiting("QA Lead"), rejected("DevOps")), true, Optional.empty());

        assertThat(verdict.go()).isFalse();
        assertThat(verdict.missing()).containsExactly(new Missing.UntickedItems(12),
                new Missing.RoleNotSigned("QA Lead"), new Missing.RoleRejected("DevOps"), new Missing.ProbesNotRun());
    }

    @Test
    void aFailedProbeRunIsMissing() {
        var verdict = Verdict.of(new Progress(1, 2), List.of(), true, Optional.of(false));

        assertThat(verdict.missing()).containsExactly(new Missing.UntickedItems(1), new Missing.ProbesFailed());
    }

    @Test
    void rolesAreListedInTheTemplatesOrderWhateverTheirState() {
        var verdict = Verdict.of(new Progress(2, 2),
                List.of(rejected("Tech Lead"), waiting("QA Lead"), approved("DevOps"), rejected("Product Owner")),
                false, Optional.empty());

        assertThat(verdict.missing()).containsExactly(new Missing.RoleRejected("Tech Lead"),
                new Missing.RoleNotSigned("QA Lead"), new Missing.RoleRejected("Product Owner"));
    }

    @Test
    void aPassedProbeRunIsNotMissing() {
        var verdict = Verdict.of(new Progress(1, 2), List.of(waiting("QA Lead")), true, Optional.of(true));

        assertThat(verdict.missing()).containsExactly(new Missing.UntickedItems(1), new Missing.RoleNotSigned("QA Lead"));
    }

    @Test
    void aChecklistWithoutProbesWaitsForNoProbeRun() {
        assertThat(Verdict.of(new Progress(2, 2), List.of(), false, Optional.empty()).go()).isTrue();
    }

    private static RoleState waiting(String name) {
        return new RoleState(0, name, "", List.of(), RoleState.ApproverSource.NOBODY, null);
    }

    private static RoleState approved(String name) {
        return new RoleState(0, name, "", List.of(), RoleState.ApproverSource.NOBODY,
                new SignoffDecision(name, Decision.APPROVED, new Actor("U0X", "x"), null, AT));
    }

    private static RoleState rejected(String name) {
        return new RoleState(0, name, "", List.of(), RoleState.ApproverSource.NOBODY,
                new SignoffDecision(name, Decision.REJECTED, new Actor("U0X", "x"), "broken", AT));
    }
}
