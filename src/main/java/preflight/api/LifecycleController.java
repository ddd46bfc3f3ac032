package preflight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import preflight.deployment.Actor;
import preflight.deployment.Release;
import preflight.deployment.ReleaseLifecycle;

/** Ships, rolls back and aborts exactly as the buttons do, with the token as a release manager of its channel. */
@RestController
@RequestMapping(ApiWebConfiguration.BASE + "/releases/{version}")
@SecurityRequirement(name = OpenApiConfiguration.TOKEN)
class LifecycleController {

    static final int MAX_REASON = 1000;

    private final ReleaseLifecycle lifecycle;
    private final ReleaseLookup lookup;
    private final ReleaseDocuments documents;

    LifecycleController(ReleaseLifecycle lifecycle, ReleaseLookup lookup, ReleaseDocuments documents) {
        this.lifecycle = lifecycle;
        this.lookup = lookup;
        this.documents = documents;
    }

    @Schema(name = "Ship")
    record ShipRequest(@Schema(description = "ship on NO-GO anyway, for this reason") String override) {
    }

    @Schema(name = "Reason")
    record ReasonRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Operation(summary = "Mark shipped (reminders are scheduled); 409 with `missing` on NO-GO without an override")
    @PostMapping("/shipped")
    ReleaseDocument shipped(ApiCaller caller, @PathVariable String version,
                            @RequestParam(required = false) String environment,
                            @RequestBody(required = false) ShipRequest body) {
        String override = body == null ? null : reason(body.override(), false);
        var release = lookup.find(caller, version, environment);
        return documents.of(lifecycle.ship(release.id(), caller.actor(), override));
    }

    @Operation(summary = "Record that a shipped release was rolled back")
    @PostMapping("/rollback")
    ReleaseDocument rollback(ApiCaller caller, @PathVariable String version,
                             @RequestParam(required = false) String environment, @RequestBody ReasonRequest body) {
        return closeWithReason(caller, version, environment, body, lifecycle::rollBack);
    }

    @Operation(summary = "Stop a release before it ships")
    @PostMapping("/abort")
    ReleaseDocument abort(ApiCaller caller, @PathVariable String version,
                          @RequestParam(required = false) String environment, @RequestBody ReasonRequest body) {
        return closeWithReason(caller, version, environment, body, lifecycle::abort);
    }

    /** One of the lifecycle's steps that end a release and must say why. */
    @FunctionalInterface
    private interface ReasonedStep {
        Release close(long releaseId, Actor actor, String reason);
    }

    private ReleaseDocument closeWithReason(ApiCaller caller, String version, String environment, ReasonRequest body,
                                            ReasonedStep step) {
        String reason = reason(body == null ? null : body.reason(), true);
        var release = lookup.find(caller, version, environment);
        return documents.of(step.close(release.id(), caller.actor(), reason));
    }

    private static String reason(String reason, boolean required) {
        if (reason == null || reason.isBlank()) {
            if (required) {
                throw ApiException.badRequest("`reason` is required.");
            }
            return null;
        }
        if (reason.strip().length() > MAX_REASON) {
            throw ApiException.badRequest("A reason is limited to " + MAX_REASON + " characters.");
        }
        return reason.strip();
    }
}
