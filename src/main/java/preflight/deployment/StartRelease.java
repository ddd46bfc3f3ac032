package preflight.deployment;

public record StartRelease(String channelId, String version, String environment,
                           String templateName, Actor actor) {
}
