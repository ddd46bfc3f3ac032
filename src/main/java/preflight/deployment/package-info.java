/**
 * The release aggregate: version, environment, item ticks, lifecycle, channel people and the audit trail.
 */
@ApplicationModule(displayName = "deployment", allowedDependencies = { "checklist", "system" })
package preflight.deployment;

import org.springframework.modulith.ApplicationModule;
