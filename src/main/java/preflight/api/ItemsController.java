package preflight.api;

import java.net.URI;
import java.net.URISyntaxException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import preflight.deployment.ChecklistClosed;
import preflight.deployment.ReleaseService;
import preflight.words.StatusText;

@RestController
@RequestMapping(ApiWebConfiguration.BASE + "/releases/{version}/items")
@SecurityRequirement(name = OpenApiConfiguration.TOKEN)
class ItemsController {

    static final int MAX_NOTE = 1000;
    static final int MAX_EVIDENCE = 2000;

    private final ReleaseService releases;
    private final ReleaseLookup lookup;
    private final ReleaseDocuments documents;

    ItemsController(ReleaseService releases, ReleaseLookup lookup, ReleaseDocuments documents) {
        this.releases = releases;
        this.lookup = lookup;
        this.documents = documents;
    }

    @Schema(name = "Tick")
    record TickRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean ticked,
                       @Schema(description = "http(s) link to what proves it, e.g. the CI run", example = "https://github.com/acme/api/actions/runs/42") String evidence,
                       @Schema(description = "up to 1000 characters") String note) {
    }

    @Operation(summary = "Tick or untick an item as the token (source API); Slack shows it with the evidence link",
            description = "Answers with the item as it is afterwards. Ticking an item that is already ticked changes"
                    + " nothing (the first tick stays).")
    @PostMapping("/{itemId}")
    ReleaseDocument.ItemDocument tick(ApiCaller caller, @PathVariable String version, @PathVariable String itemId,
                                      @RequestParam(required = false) String environment,
                                      @RequestBody TickRequest body) {
        if (body == null || body.ticked() == null) {
            throw ApiException.badRequest("`ticked` (true or false) is required.");
        }
        String evidence = evidence(body.evidence());
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.badRequest("`note` is limited to " + MAX_NOTE + " characters.");
        }
        var release = lookup.find(caller, version, environment);
        var tickable = releases.tickable(release.id()).orElseThrow();
        if (tickable.checklist().items().stream().noneMatch(item -> item.id().equals(itemId))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "Release " + release.version()
                    + " has no item `" + (itemId.length() > 60 ? itemId.substring(0, 60) + "…" : itemId)
                    + "`; GET the release for its item ids.");
        }
        try {
            releases.setTicked(tickable, itemId, body.ticked(), caller.actor(), body.ticked() ? evidence : null,
                    body.ticked() ? note : null);
        } catch (ChecklistClosed e) {
            throw ApiException.conflict("Release " + release.version() + " is " + StatusText.of(e.status())
                    + "; its checklist can no longer change.");
        }
        return documents.of(release).items().stream().filter(item -> item.id().equals(itemId)).findFirst().orElseThrow();
    }

    /** A link Slack can show as one: absolute http(s), nothing that would end a mrkdwn link early. */
    private static String evidence(String evidence) {
        if (evidence == null || evidence.isBlank()) {
            return null;
        }
        String link = evidence.strip();
        boolean usable = link.length() <= MAX_EVIDENCE && link.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>'
                || c == '|' || c == 0x7f);
        if (usable) {
            try {
                var uri = new URI(link);
                usable = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null;
            } catch (URISyntaxException e) {
                usable = false;
            }
        }
        if (!usable) {
            throw ApiException.badRequest("`evidence` must be an http(s) URL of up to " + MAX_EVIDENCE + " characters.");
        }
        return link;
    }
}
