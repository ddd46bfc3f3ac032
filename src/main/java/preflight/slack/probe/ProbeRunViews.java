package preflight.slack.probe;

import preflight.slack.outbox.MessageView;
import preflight.slack.outbox.MessageViews;
import preflight.slack.release.ReleaseViews;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseService;
import preflight.probe.ProbeRunEvent;

/**
 * One thread message per probe run: created with the run, marked stale with every result and
 * when the run closes, inside the transaction that stored it. The card follows through
 * {@link ReleaseViews}, which also wakes the sync worker after the commit.
 */
@Component
class ProbeRunViews {

    private final ReleaseService deployments;
    private final MessageViews views;

    ProbeRunViews(ReleaseService deployments, MessageViews views) {
        this.deployments = deployments;
        this.views = views;
    }

    @EventListener
    void on(ProbeRunEvent event) {
        switch (event) {
            case ProbeRunEvent.Started started -> {
                var deployment = deployments.find(started.releaseId()).orElseThrow();
                views.append(deployment.id(), MessageView.Kind.PROBE_RUN, deployment.channelId(), started.runNumber(), null);
            }
            case ProbeRunEvent.ResultRecorded recorded ->
                    views.markStale(recorded.releaseId(), MessageView.Kind.PROBE_RUN, recorded.runNumber());
            case ProbeRunEvent.Finished finished ->
                    views.markStale(finished.releaseId(), MessageView.Kind.PROBE_RUN, finished.runNumber());
        }
    }
}
