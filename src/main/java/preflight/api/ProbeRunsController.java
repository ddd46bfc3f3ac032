package preflight.api;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import preflight.probe.ProbeRuns;
import preflight.words.StatusText;

@RestController
@RequestMapping(ApiWebConfiguration.BASE + "/releases/{version}/probe")
@SecurityRequirement(name = OpenApiConfiguration.TOKEN)
class ProbeRunsController {

    private final ProbeRuns runs;
    private final ReleaseLookup lookup;
    private final Executor work;

    ProbeRunsController(ProbeRuns runs, ReleaseLookup lookup, @Qualifier("slackWork") Executor work) {
        this.runs = runs;
        this.lookup = lookup;
        this.work = work;
    }

    @Schema(name = "ProbeRunStarted")
    record Started(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the run's number in this release") int run,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int probes) {
    }

    @Operation(summary = "Run the release's probes; results appear in the thread and in GET …/releases/{version}")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started start(ApiCaller caller, @PathVariable String version, @RequestParam(required = false) String environment) {
        var release = lookup.find(caller, version, environment);
        return switch (runs.start(release.id(), null, caller.actor())) {
            case ProbeRuns.Started started -> {
                try {
                    work.execute(() -> runs.execute(started.run()));
                } catch (RejectedExecutionException shuttingDown) {
                    // the run stays open until its deadline, then counts as interrupted
                }
                yield new Started(started.run().number(), started.run().probeCount());
            }
            case ProbeRuns.AlreadyRunning running -> throw ApiException.conflict("Probe run #"
                    + running.run().number() + " is still in progress.");
            case ProbeRuns.NoProbes none -> throw ApiException.conflict("The template " + none.templateName()
                    + " defines no probes.");
            case ProbeRuns.UnknownProbe unknown -> throw ApiException.badRequest("Unknown probe " + unknown.probeId());
            case ProbeRuns.NotActive inactive -> throw ApiException.conflict("Release " + release.version() + " is "
                    + StatusText.of(inactive.status()) + "; its probes can no longer run.");
        };
    }
}
