package preflight.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may take which lifecycle step, and what each step stores, without a database. */
class ReleaseLifecycleRulesTest {

    static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");
    static final Actor STARTER = new Actor("U0ALICE", "alice");
    static final Actor STRANGER = new Actor("U0MALLORY", "mallory");
    static final Actor ADMIN = new Actor("U0ROOT", "root");

    final ReleaseRepository releases = mock(ReleaseRepository.class);
    final ChannelPeople people = mock(ChannelPeople.class);
    final ChannelRules rules = mock(ChannelRules.class);
    final ReleaseChecklists checklists = mock(ReleaseChecklists.class);
    final ShipGuard guard = mock(ShipGuard.class);
    final AuditTrail audit = mock(AuditTrail.class);
    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    final ReleaseLifecycle lifecycle = new ReleaseLifecycle(releases, people, rules, mock(JdbcClient.class, RETURNS_DEEP_STUBS),
            checklists, List.of(guard), audit, events, Clock.fixed(NOW, ZoneOffset.UTC));

    Release release;

    @BeforeEach
    void aReleaseInProgress() {
        release = new Release(7L, 1, "C0REL", "v1.2", "production", "default", "# t", STARTER.id(), STARTER.name(),
                ReleaseStatus.IN_PROGRESS, NOW.minusSeconds(3600), NOW.minusSeconds(3600));
        given(releases.findById(7L)).willReturn(Optional.of(release));
        given(releases.save(any(Release.class))).willAnswer(call -> call.getArgument(0));
        given(people.of(anyString(), any())).willReturn(List.of());
        given(guard.missing(any())).willReturn(List.of());
    }

    @Test
    void theStarterAbortsWithAReasonAndTheAbortIsAuditedAndAnnounced() {
        var aborted = lifecycle.abort(7L, STARTER, " wrong branch ");

        assertThat(aborted.status()).isEqualTo(ReleaseStatus.ABORTED);
        assertThat(aborted.closeReason()).isEqualTo("wrong branch");
        then(audit).should().record(eq(7L), eq("ABORTED"), eq(STARTER), eq("v1.2"), eq(" wrong branch "), eq(NOW));
        then(events).should().publishEvent(new ReleaseClosed(7L, ReleaseStatus.ABORTED, STARTER, " wrong branch "));
    }

    @Test
    void someoneWhoIsNeitherStarterNorManagerIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> lifecycle.abort(7L, STRANGER, "mine now"))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.refusal())
                        .isEqualTo(new Refusal.NotManager(release, Refusal.Step.ABORT)));

        then(releases).should(never()).save(any());
        then(audit).shouldHaveNoInteractions();
        then(events).shouldHaveNoInteractions();
    }

    @Test
    void aNoGoReleaseDoesNotShipWithoutAnOverride() {
        given(guard.missing(release)).willReturn(List.of(new Missing.RoleNotSigned("QA Lead")));

        assertThatThrownBy(() -> lifecycle.ship(7L, STARTER, null))
                .isInstanceOfSatisfying(ShipBlocked.class, blocked -> assertThat(blocked.missing())
                        .containsExactly(new Missing.RoleNotSigned("QA Lead")));
        then(releases).should(never()).save(any());
        then(audit).shouldHaveNoInteractions();
    }

    @Test
    void theStarterMayNotOverrideTheirOwnNoGoButAnAdminMay() {
        given(guard.missing(release)).willReturn(List.of(new Missing.RoleNotSigned("QA Lead")));
        given(rules.mayAdminister("C0REL", ADMIN.id())).willReturn(true);

        assertThatThrownBy(() -> lifecycle.ship(7L, STARTER, "hotfix"))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.refusal())
                        .isEqualTo(new Refusal.NotOverrider(release)));
        then(releases).should(never()).save(any());

        var shipped = lifecycle.ship(7L, ADMIN, "hotfix");

        assertThat(shipped.status()).isEqualTo(ReleaseStatus.SHIPPED);
        assertThat(shipped.overrideReason()).isEqualTo("hotfix");
        assertThat(shipped.overrideBy()).isEqualTo(ADMIN);
        then(audit).should().record(eq(7L), eq("SHIPPED_WITH_OVERRIDE"), eq(ADMIN), eq("v1.2"),
                eq("hotfix (missing: QA Lead not signed)"), eq(NOW));
    }

    @Test
    void aTokenActsAsAManagerOnlyInItsOwnChannel() {
        assertThat(lifecycle.mayManage(release, Actor.token("ci", "C0REL"))).isTrue();
        assertThat(lifecycle.mayManage(release, Actor.token("ci", "C0OTHER"))).isFalse();
        assertThatThrownBy(() -> lifecycle.abort(7L, Actor.token("ci", "C0OTHER"), "not yours"))
                .isInstanceOf(Refused.class);
        then(releases).should(never()).save(any());
    }
}
