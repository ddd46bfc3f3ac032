/**
 * The HTTP API for pipelines ({@code /api/v1}): releases, the verdict long poll, ticks with
 * evidence, probe runs and the lifecycle, as RFC 9457 problem details when refused. Nothing
 * depends on it.
 */
@ApplicationModule(displayName = "api", allowedDependencies = { "approval", "checklist", "deployment", "probe", "report", "system", "token", "words" })
package preflight.api;

import org.springframework.modulith.ApplicationModule;
