/**
 * {@code java -jar preflight.jar lint}: checks templates as the bot reads them, without Spring,
 * a database or Slack, and previews their messages.
 */
@ApplicationModule(displayName = "lint", allowedDependencies = { "checklist", "probe", "slack :: preview" })
package preflight.lint;

import org.springframework.modulith.ApplicationModule;
