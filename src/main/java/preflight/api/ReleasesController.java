package preflight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import preflight.checklist.TemplateCatalogue;
import preflight.deployment.ReleaseAlreadyActive;
import preflight.deployment.ReleaseNames;
import preflight.deployment.ReleaseService;
import preflight.deployment.StartRelease;

@RestController
@RequestMapping(ApiWebConfiguration.BASE + "/releases")
@SecurityRequirement(name = OpenApiConfiguration.TOKEN)
class ReleasesController {

    private final ReleaseService releases;
    private final TemplateCatalogue templates;
    private final ReleaseLookup lookup;
    private final ReleaseDocuments documents;

    ReleasesController(ReleaseService releases, TemplateCatalogue templates, ReleaseLookup lookup,
                       ReleaseDocuments documents) {
        this.releases = releases;
        this.templates = templates;
        this.lookup = lookup;
        this.documents = documents;
    }

    @Schema(name = "StartRelease")
    record StartRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "v1.2") String version,
                        @Schema(description = "defaults to `default`") String template,
                        @Schema(description = "defaults to `production`") String environment) {
    }

    @Operation(summary = "Open a release: the thread is posted as with /deploy start",
            description = "201 with the new release; 200 with the active release of that version and environment"
                    + " when there is one already, so a retried pipeline step is safe.")
    @PostMapping
    ResponseEntity<ReleaseDocument> start(ApiCaller caller, @RequestBody StartRequest body) {
        if (body == null || body.version() == null || !ReleaseNames.validVersion(body.version())) {
            throw ApiException.badRequest("`version` is required: up to 64 letters, digits and . _ + - /, starting"
                    + " with a letter or digit (e.g. v1.2).");
        }
        String environment = ReleaseLookup.environment(body.environment());
        String templateName = body.template() == null || body.template().isEmpty() ? ReleaseNames.DEFAULT_TEMPLATE
                : body.template().toLowerCase();
        var template = templates.find(templateName).orElseThrow(() -> ApiException.badRequest(
                "No template `" + abbreviated(templateName) + "`. Available: " + String.join(", ", templates.names()) + "."));
        var token = caller.token();
        try {
            var started = releases.start(new StartRelease(token.channelId(), body.version(),
                    environment, templateName, caller.actor()), template);
            return ResponseEntity.status(HttpStatus.CREATED).body(documents.of(started));
        } catch (ReleaseAlreadyActive active) {
            return ResponseEntity.ok(documents.of(active.existing()));
        }
    }

    @Operation(summary = "A release: status, verdict, items, sign-offs, probe runs and its thread",
            description = "The active release of that version and environment, else the latest closed one.")
    @GetMapping("/{version}")
    ReleaseDocument get(ApiCaller caller, @PathVariable String version,
                        @RequestParam(required = false) String environment) {
        return documents.of(lookup.find(caller, version, environment));
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
