package preflight.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import preflight.deployment.ReleaseStatus;

/** A release as the API shows it. */
@Schema(name = "Release")
record ReleaseDocument(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "v1.2") String version,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "production") String environment,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "default") String template,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReleaseStatus status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) VerdictDocument verdict,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "who started it: a Slack user id or api:<token name>") String startedBy,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant startedAt,
        @Schema(nullable = true) Instant shippedAt,
        @Schema(nullable = true) Instant closedAt,
        @Schema(nullable = true, description = "why it was aborted or rolled back") String closeReason,
        @Schema(nullable = true, description = "why it shipped on NO-GO") String overrideReason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ItemDocument> items,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<SignoffDocument> signoffs,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ProbeRunDocument> probeRuns,
        @Schema(nullable = true, description = "the Slack thread; null while it is being posted") String url) {

    @Schema(name = "Verdict")
    record VerdictDocument(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "every item ticked, every role approved, the latest probe run passed") boolean go,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"2 items unticked\", \"QA Lead not signed\"]") List<String> missing) {
    }

    @Schema(name = "Item")
    record ItemDocument(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the template's {#id}, else a generated one") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean ticked,
            @Schema(nullable = true, description = "a Slack user id, probe:<id> or api:<token name>") String by,
            @Schema(nullable = true) Instant at,
            @Schema(nullable = true, allowableValues = {"USER", "PROBE", "API"}) String source,
            @Schema(nullable = true) String evidence,
            @Schema(nullable = true) String note) {
    }

    @Schema(name = "Signoff")
    record SignoffDocument(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Tech Lead") String role,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"WAITING", "APPROVED", "REJECTED"}) String state,
            @Schema(nullable = true) String by,
            @Schema(nullable = true) Instant at,
            @Schema(nullable = true) String reason) {
    }

    @Schema(name = "ProbeRun")
    record ProbeRunDocument(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int number,
            @Schema(nullable = true, description = "the one probe of a re-check; null for a full run") String probe,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RUNNING", "FINISHED", "INTERRUPTED"}) String status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int probes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int passed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int failed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String by,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant startedAt,
            @Schema(nullable = true) Instant finishedAt) {
    }
}
