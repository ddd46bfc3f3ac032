/**
 * Cross-cutting configuration: clock, executors, start-up failure messages, a small LRU cache.
 */
@ApplicationModule(displayName = "system", allowedDependencies = {  })
package preflight.system;

import org.springframework.modulith.ApplicationModule;
