package preflight.slack.probe;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseService;
import preflight.probe.ProbeRunEvent;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.Outbox;
import preflight.slack.release.ReleaseThread;

/**
 * One thread message per probe run: created with the run, marked stale with every result and
 * when the run closes, inside the transaction that stored it. The card follows through
 * {@link ReleaseThread}, which also wakes the sync worker after the commit.
 */
@Component
class ProbeRunMessages {

    private final ReleaseService deployments;
    private final Outbox outbox;

    ProbeRunMessages(ReleaseService deployments, Outbox outbox) {
        this.deployments = deployments;
        this.outbox = outbox;
    }

    @EventListener
    void on(ProbeRunEvent event) {
        switch (event) {
            case ProbeRunEvent.Started started -> {
                var deployment = deployments.find(started.releaseId()).orElseThrow();
                outbox.append(deployment.id(), MessageKind.PROBE_RUN, deployment.channelId(), started.runNumber(), null);
            }
            case ProbeRunEvent.ResultRecorded recorded ->
                    outbox.markStale(recorded.releaseId(), MessageKind.PROBE_RUN, recorded.runNumber());
            case ProbeRunEvent.Finished finished ->
                    outbox.markStale(finished.releaseId(), MessageKind.PROBE_RUN, finished.runNumber());
        }
    }
}
