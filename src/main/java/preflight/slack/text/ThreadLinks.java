package preflight.slack.text;

import java.util.Optional;

import org.springframework.stereotype.Component;

import preflight.deployment.Release;
import preflight.deployment.ThreadPermalinks;
import preflight.slack.outbox.Outbox;

/** Links to a release thread, which is where the outbox posted the release's card. */
@Component
public class ThreadLinks implements ThreadPermalinks {

    private final Outbox outbox;

    ThreadLinks(Outbox outbox) {
        this.outbox = outbox;
    }

    /** For messages shown before any thread exists (the template preview): every link says so. */
    public static ThreadLinks beforePosting() {
        return new ThreadLinks(null);
    }

    /** A mrkdwn link to the release thread, or a note that it is still being posted. */
    public String to(Release release, String label) {
        return of(release).map(permalink -> "<" + permalink + "|" + label + ">")
                .orElse(label + " (its thread is being posted)");
    }

    /** A list line's name of a release, {@code v1.2 → production}, the version linked to its thread. */
    public String toNamed(Release release) {
        return to(release, Mrkdwn.escape(Mrkdwn.truncate(release.version(), 80))) + " → "
                + Mrkdwn.escape(Mrkdwn.truncate(release.environment(), 40));
    }

    /** A message's name of a release, {@code v1.2 → production}, in mrkdwn. */
    public static String name(Release release) {
        return Mrkdwn.escape(release.version()) + " → " + Mrkdwn.escape(release.environment());
    }

    @Override
    public Optional<String> of(Release release) {
        var thread = outbox == null ? null : outbox.threadOf(release.id()).orElse(null);
        if (thread == null || thread.ts() == null) {
            return Optional.empty();
        }
        String workspace = thread.teamDomain() == null ? "app" : thread.teamDomain();
        return Optional.of("https://" + workspace + ".slack.com/archives/" + thread.channelId() + "/p"
                + thread.ts().replace(".", ""));
    }
}
