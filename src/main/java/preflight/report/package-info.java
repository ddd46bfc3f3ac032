/**
 * The release report an auditor accepts, built from the database only (Markdown and JSON from one
 * model), the audit record's hash chain check, the channel's history and the last-30-days numbers.
 */
@ApplicationModule(displayName = "report", allowedDependencies = { "approval", "checklist", "deployment", "probe" })
package preflight.report;

import org.springframework.modulith.ApplicationModule;
