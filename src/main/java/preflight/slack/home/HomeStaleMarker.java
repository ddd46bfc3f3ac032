package preflight.slack.home;

import java.util.ArrayList;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.approval.Approver;
import preflight.approval.SignoffService;
import preflight.deployment.ChannelPeople;
import preflight.deployment.ChannelRole;
import preflight.deployment.ChecklistItemTicked;
import preflight.deployment.ReleaseEvent;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.probe.ProbeRunEvent;

/**
 * Marks stale, in the transaction of the change, the Homes a release change shows on: its starter,
 * managers, on-call, the approvers of its roles, and whoever has taken part in the channel's
 * releases. Ticks and single probe results are left out: they come by the dozen, and Home shows
 * them only through the verdict, which the next other change (or opening Home) brings up to date.
 */
@Component
class HomeStaleMarker {

    private final HomeQueue queue;
    private final HomePublisher publisher;
    private final ReleaseService releases;
    private final ReleaseLifecycle lifecycle;
    private final ChannelPeople people;
    private final SignoffService signoffs;
    private final Executor slackWork;

    HomeStaleMarker(HomeQueue queue, HomePublisher publisher, ReleaseService releases, ReleaseLifecycle lifecycle,
                    ChannelPeople people, SignoffService signoffs, @Qualifier("slackWork") Executor slackWork) {
        this.slackWork = slackWork;
        this.queue = queue;
        this.publisher = publisher;
        this.releases = releases;
        this.lifecycle = lifecycle;
        this.people = people;
        this.signoffs = signoffs;
    }

    /**
     * After the change committed, off the request thread: a start or a decision must not hold its
     * locks (a channel's start lock, the release row) or a second pooled connection while Home's
     * audience is worked out. A crash in between only leaves a Home to be refreshed when its owner
     * next opens it.
     */
    @TransactionalEventListener
    void on(ReleaseEvent event) {
        if (shown(event)) {
            slackWork.execute(() -> markStale(event));
        }
    }

    private void markStale(ReleaseEvent event) {
        if (!queue.anyHome()) {
            return; // nobody has opened Preflight's Home yet: no audience to work out
        }
        var release = releases.find(event.releaseId()).orElseThrow();
        var named = new ArrayList<String>();
        named.add(release.startedBy());
        named.addAll(people.of(release.channelId(), ChannelRole.MANAGER));
        named.addAll(lifecycle.oncall(release));
        signoffs.roles(release).forEach(role -> role.approvers().stream().map(Approver::id).forEach(named::add));
        queue.markStale(named, release.channelId());
        publisher.wakeUp();
    }

    private static boolean shown(ReleaseEvent event) {
        return !(event instanceof ChecklistItemTicked) && !(event instanceof ProbeRunEvent.ResultRecorded)
                && !(event instanceof ProbeRunEvent.Started);
    }
}
