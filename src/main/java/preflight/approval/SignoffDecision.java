package preflight.approval;

import java.time.Instant;

import preflight.deployment.Actor;

/** The standing decision on one role of a release; {@code reason} is set for rejections. */
public record SignoffDecision(String role, Decision decision, Actor by, String reason, Instant at) {
}
