package preflight.slack.probe;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.probe.ProbeRuns;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.ThreadLinks;
import preflight.words.StatusText;

/**
 * Starts a probe run for a command or a click: the run is recorded on the request thread (a
 * quick write that also refuses a second run in progress), the probes run on the slackWork
 * executor after the ack. Only a probe id ever comes from the request; targets come from the
 * release's template.
 */
@Component
class ProbeRunLauncher {

    private static final Logger log = LoggerFactory.getLogger(ProbeRunLauncher.class);

    private final ProbeRuns runs;
    private final Executor slackWork;
    private final ThreadLinks threadLinks;

    ProbeRunLauncher(ProbeRuns runs, @Qualifier("slackWork") Executor slackWork, ThreadLinks threadLinks) {
        this.threadLinks = threadLinks;
        this.runs = runs;
        this.slackWork = slackWork;
    }

    /** What happened, for an ephemeral answer; {@code started} tells whether probes are now running. */
    record Launch(boolean started, String reply) {
    }

    Launch launch(Release deployment, String onlyProbe, Actor actor) {
        String release = "*" + Mrkdwn.escape(deployment.version()) + "*";
        return switch (runs.start(deployment.id(), onlyProbe, actor)) {
            case ProbeRuns.Started started -> {
                var run = started.run();
                try {
                    slackWork.execute(() -> runs.execute(run));
                } catch (RejectedExecutionException e) {
                    // shutting down: the run stays open until its deadline, then counts as interrupted
                    log.warn("Probe run #{} of deployment {} could not be scheduled: {}", run.number(),
                            deployment.id(), e.toString());
                }
                yield new Launch(true, "🔎 Running " + (run.fullRun()
                        ? run.probeCount() + (run.probeCount() == 1 ? " probe" : " probes")
                        : "probe `" + Mrkdwn.escape(run.onlyProbe()) + "`") + " for " + release
                        + " (run #" + run.number() + "); results appear in " + threadLinks.to(deployment, "its thread")
                        + ".");
            }
            case ProbeRuns.AlreadyRunning running -> new Launch(false, "Probe run #" + running.run().number()
                    + " of " + release + " is still in progress (started by "
                    + ProbeRunMessageRenderer.who(running.run().triggeredBy()) + "); its results are coming in "
                    + threadLinks.to(deployment, "the thread") + ". Nothing new was started.");
            case ProbeRuns.NoProbes none -> new Launch(false, "The template `" + Mrkdwn.escape(none.templateName())
                    + "` of " + release + " defines no probes, so there is nothing to run. Probes are listed under"
                    + " `probes:` in a template's front matter.");
            case ProbeRuns.UnknownProbe unknown -> new Launch(false, "`"
                    + Mrkdwn.escape(Mrkdwn.truncate(unknown.probeId(), 40)) + "` is not a probe of " + release
                    + ". Its probes: " + String.join(", ", unknown.known().stream()
                            .map(id -> "`" + Mrkdwn.escape(id) + "`").toList()) + ". Nothing was run.");
            case ProbeRuns.NotActive inactive -> new Launch(false, release + " is " + StatusText.of(inactive.status())
                    + "; its probes can no longer run.");
        };
    }
}
