package preflight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import preflight.report.ReleaseReport;
import preflight.report.ReleaseReports;

/** The release report for archiving: the same data as the file in the thread, as Markdown or JSON. */
@RestController
@RequestMapping(ApiWebConfiguration.BASE + "/releases/{version}/report")
@SecurityRequirement(name = OpenApiConfiguration.TOKEN)
class ReportController {

    static final String MARKDOWN = "text/markdown";

    private final ReleaseLookup lookup;
    private final ReleaseReports reports;

    ReportController(ReleaseLookup lookup, ReleaseReports reports) {
        this.lookup = lookup;
        this.reports = reports;
    }

    @Operation(summary = "The release report as JSON",
            description = "Every item with who or what ticked it, probe runs, the sign-off timeline, lifecycle events and"
                    + " whether the audit record's hash chain is intact.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ReleaseReport json(ApiCaller caller, @PathVariable String version,
                       @RequestParam(required = false) String environment) {
        return report(caller, version, environment);
    }

    @Operation(summary = "The release report as Markdown, as uploaded to the thread")
    @GetMapping(produces = MARKDOWN)
    ResponseEntity<String> markdown(ApiCaller caller, @PathVariable String version,
                                    @RequestParam(required = false) String environment) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MARKDOWN + ";charset=UTF-8"))
                .body(reports.markdown(report(caller, version, environment)));
    }

    private ReleaseReport report(ApiCaller caller, String version, String environment) {
        var release = lookup.find(caller, version, environment);
        return reports.of(release.id()).orElseThrow();
    }
}
