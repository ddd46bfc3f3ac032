package preflight.slack.text;

import preflight.slack.outbox.Outbox;

import org.springframework.stereotype.Component;

import preflight.deployment.Release;

/** Links to a release thread, which is where the outbox posted the release's card. */
@Component
public class ThreadLinks {

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
        var thread = outbox == null ? null : outbox.threadOf(release.id()).orElse(null);
        if (thread == null || thread.ts() == null) {
            return label + " (its thread is being posted)";
        }
        String workspace = thread.teamDomain() == null ? "app" : thread.teamDomain();
        return "<https://" + workspace + ".slack.com/archives/" + thread.channelId() + "/p"
                + thread.ts().replace(".", "") + "|" + label + ">";
    }
}
