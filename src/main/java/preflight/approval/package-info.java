/**
 * Sign-off roles, who may sign them, decisions, and the GO / NO-GO verdict.
 */
@ApplicationModule(displayName = "approval", allowedDependencies = { "checklist", "deployment", "probe" })
package preflight.approval;

import org.springframework.modulith.ApplicationModule;
