/**
 * Probe kinds (http, tls, tcp, dns), their runner, and the stored runs that tick what they prove.
 */
@ApplicationModule(displayName = "probe", allowedDependencies = { "checklist", "deployment", "system" })
package preflight.probe;

import org.springframework.modulith.ApplicationModule;
