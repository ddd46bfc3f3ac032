package preflight.deployment;

import java.util.Optional;

/** Where a release's thread can be opened; the messaging side knows the address format. */
public interface ThreadPermalinks {

    /** @return empty while the thread is not posted yet */
    Optional<String> of(Release release);
}
