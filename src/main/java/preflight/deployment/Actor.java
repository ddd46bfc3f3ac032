package preflight.deployment;

/** Who did something: a Slack user, or a probe acting on the release's behalf. */
public record Actor(String id, String name) {
}
