package preflight.checklist;

import java.time.Instant;

/**
 * How a Git source of templates stands. {@code location} is the remote without credentials.
 *
 * @param lastAttempt when a fetch was last tried (null before the first)
 * @param lastSuccess when a fetch last worked (null if none has)
 * @param commit      the commit the templates are served from (the last good fetch), or null
 * @param error       why the last fetch failed, or null when it worked; the last good templates are still served
 */
public record TemplateSourceStatus(String source, String location, String branch, String path, Instant lastAttempt,
                                   Instant lastSuccess, String commit, String error, int templates) {

    public boolean failing() {
        return error != null;
    }
}
