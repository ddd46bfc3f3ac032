package preflight.slack.home;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import preflight.approval.Approver;
import preflight.approval.RoleState;
import preflight.approval.SignoffDecided;
import preflight.approval.SignoffService;
import preflight.deployment.Actor;
import preflight.deployment.ChannelPeople;
import preflight.deployment.ChannelRole;
import preflight.deployment.ChecklistItemTicked;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.deployment.ReleaseStatus;

/** Which Homes a release change marks stale, and when it marks none. */
class HomeStaleMarkerTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");
    private static final Release RELEASE = new Release(7L, 1, "C1", "v1.2", "production", "api", "# API",
            "U0ALICE", "alice", ReleaseStatus.IN_PROGRESS, AT, AT);
    private static final SignoffDecided DECIDED = new SignoffDecided(7L, "Tech Lead", "SIGNOFF_APPROVED",
            new Actor("U0TECH", "tech"));

    private final HomeQueue queue = mock(HomeQueue.class);
    private final HomePublisher publisher = mock(HomePublisher.class);
    private final ReleaseService releases = mock(ReleaseService.class);
    private final ReleaseLifecycle lifecycle = mock(ReleaseLifecycle.class);
    private final ChannelPeople people = mock(ChannelPeople.class);
    private final SignoffService signoffs = mock(SignoffService.class);
    private final HomeStaleMarker marker = new HomeStaleMarker(queue, publisher, releases, lifecycle, people, signoffs,
            Runnable::run);

    @Test
    void aChangeMarksTheStarterManagersOnCallAndApprovers() {
        given(queue.anyHome()).willReturn(true);
        given(releases.find(7L)).willReturn(Optional.of(RELEASE));
        given(people.of("C1", ChannelRole.MANAGER)).willReturn(List.of("U0MGR"));
        given(lifecycle.oncall(RELEASE)).willReturn(List.of("U0ONCALL"));
        given(signoffs.roles(RELEASE)).willReturn(List.of(new RoleState(0, "Tech Lead", "",
                List.of(new Approver("U0TECH", null), new Approver("S0QATEAM", null)),
                RoleState.ApproverSource.TEMPLATE, null)));

        marker.on(DECIDED);

        then(queue).should().markStale(List.of("U0ALICE", "U0MGR", "U0ONCALL", "U0TECH", "S0QATEAM"), "C1");
        then(publisher).should().wakeUp();
    }

    @Test
    void untilSomeoneHasOpenedHomeNothingIsWorkedOutOrMarked() {
        given(queue.anyHome()).willReturn(false);

        marker.on(DECIDED);

        then(releases).should(never()).find(7L);
        then(signoffs).should(never()).roles(any());
        then(queue).should(never()).markStale(anyCollection(), anyString());
        then(publisher).should(never()).wakeUp();
    }

    @Test
    void ticksAreLeftToTheNextOtherChange() {
        marker.on(new ChecklistItemTicked(7L, "item-1", 0, true, new Actor("U0ALICE", "alice")));

        then(queue).should(never()).anyHome();
        then(queue).should(never()).markStale(anyCollection(), anyString());
    }
}
