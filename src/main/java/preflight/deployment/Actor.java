package preflight.deployment;

/** Who did something: a Slack user, a probe acting on the release's behalf, or Preflight itself. */
public record Actor(String id, String name) {

    /** Preflight acting on its own schedule: reminders, nudges, the post-deploy probe run. */
    public static final Actor PREFLIGHT = new Actor("preflight", "Preflight");

    public static Actor probe(String probeId) {
        return new Actor("probe:" + probeId, probeId);
    }
}
