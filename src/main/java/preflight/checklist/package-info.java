/**
 * Markdown templates → Checklist (sections, items, probes, sign-off roles) and the template catalogue. Knows nothing of releases.
 */
@ApplicationModule(displayName = "checklist", allowedDependencies = {  })
package preflight.checklist;

import org.springframework.modulith.ApplicationModule;
