package preflight.slack.text;

import preflight.deployment.Release;

public final class ThreadLinks {

    private ThreadLinks() {
    }

    /** A mrkdwn link to the release thread, or a note that it is still being posted. */
    public static String to(Release deployment, String label) {
        if (deployment.threadTs() == null) {
            return label + " (its thread is being posted)";
        }
        return "<" + permalink(deployment) + "|" + label + ">";
    }

    /** Only for a release whose thread is posted. */
    static String permalink(Release deployment) {
        String workspace = deployment.teamDomain() == null ? "app" : deployment.teamDomain();
        return "https://" + workspace + ".slack.com/archives/" + deployment.channelId() + "/p"
                + deployment.threadTs().replace(".", "");
    }
}
