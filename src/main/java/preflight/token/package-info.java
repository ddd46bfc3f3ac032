/**
 * API tokens of a channel: created and revoked by its administrators, stored as SHA-256 hashes,
 * acting with a channel manager's rights under their own name.
 */
@ApplicationModule(displayName = "token", allowedDependencies = { "deployment" })
package preflight.token;

import org.springframework.modulith.ApplicationModule;
