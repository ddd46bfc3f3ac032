/**
 * Plain English for people, the same at every edge (Slack, the HTTP API): the words for a
 * release's status and for what it lacks before GO. The domain names these with types; the edges
 * add their own markup (mrkdwn, problem details) around these words.
 */
@ApplicationModule(displayName = "words", allowedDependencies = "deployment")
package preflight.words;

import org.springframework.modulith.ApplicationModule;
