package preflight.deployment;

/**
 * Who did something: a Slack user, a probe acting on the release's behalf, Preflight itself, or a
 * pipeline's API token ({@code api:<token name>}), which is scoped to the channel it was created in.
 *
 * @param tokenChannelId the channel of an API token; null for everyone else
 */
public record Actor(String id, String name, String tokenChannelId) {

    public static final String TOKEN_PREFIX = "api:";

    /** Preflight acting on its own schedule: reminders, nudges, the post-deploy probe run. */
    public static final Actor PREFLIGHT = new Actor("preflight", "Preflight");

    public Actor(String id, String name) {
        this(id, name, null);
    }

    public static Actor probe(String probeId) {
        return new Actor("probe:" + probeId, probeId);
    }

    public static Actor token(String tokenName, String channelId) {
        return new Actor(TOKEN_PREFIX + tokenName, TOKEN_PREFIX + tokenName, channelId);
    }

    public boolean isToken() {
        return tokenChannelId != null;
    }

    /** A token acts with a release manager's rights, but only in its own channel. */
    public boolean isTokenOf(String channelId) {
        return tokenChannelId != null && tokenChannelId.equals(channelId);
    }
}
