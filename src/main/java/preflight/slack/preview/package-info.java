/**
 * The Block Kit each message of a template would be, for the lint command's {@code --preview}:
 * the one part of {@code slack} another module may use.
 */
@NamedInterface("preview")
package preflight.slack.preview;

import org.springframework.modulith.NamedInterface;
