/**
 * Quartz jobs: post-deploy reminders and pending sign-off nudges.
 */
@ApplicationModule(displayName = "reminder", allowedDependencies = { "approval", "deployment", "checklist" })
package preflight.reminder;

import org.springframework.modulith.ApplicationModule;
