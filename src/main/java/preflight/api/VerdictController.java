package preflight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@RequestMapping(ApiWebConfiguration.BASE + "/releases/{version}/verdict")
@SecurityRequirement(name = OpenApiConfiguration.TOKEN)
class VerdictController {

    private final ReleaseLookup lookup;
    private final VerdictWaiters waiters;
    private final ApiSettings settings;
    private final ReleaseDocuments documents;

    VerdictController(ReleaseLookup lookup, VerdictWaiters waiters, ApiSettings settings,
                      ReleaseDocuments documents) {
        this.documents = documents;
        this.lookup = lookup;
        this.waiters = waiters;
        this.settings = settings;
    }

    @Operation(summary = "GO / NO-GO, waiting for it if asked",
            description = "Answers as soon as the verdict is GO or the release is no longer in progress, else when"
                    + " `wait` seconds have passed, with the verdict as it is then.")
    @GetMapping
    DeferredResult<VerdictAnswer> verdict(ApiCaller caller, @PathVariable String version,
                                          @RequestParam(required = false) String environment,
                                          @Parameter(description = "seconds to wait for GO, 0 to 900")
                                          @RequestParam(required = false) Integer wait) {
        long max = settings.maxWait().toSeconds();
        if (wait != null && (wait < 0 || wait > max)) {
            throw ApiException.badRequest("`wait` is in seconds, from 0 to " + max + ".");
        }
        var release = lookup.find(caller, version, environment);
        if (wait == null || wait == 0) {
            var now = new DeferredResult<VerdictAnswer>();
            now.setResult(documents.verdict(release));
            return now;
        }
        var result = new DeferredResult<VerdictAnswer>(wait * 1000L);
        waiters.await(release.id(), result);
        return result;
    }
}
