package preflight.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import preflight.deployment.ReleaseStatus;

/** What a waiting pipeline needs: whether to go, and if not, why and whether it still can. */
@Schema(name = "VerdictAnswer")
record VerdictAnswer(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String version,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String environment,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReleaseStatus status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean go,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> missing) {

    /** Nothing more to wait for: GO, or the release left "in progress" (shipped, aborted, …). */
    boolean settled() {
        return go || status != ReleaseStatus.IN_PROGRESS;
    }
}
