package preflight.deployment;

public record StartRelease(String channelId, String teamDomain, String release, String environment,
                           String templateName, Actor actor) {
}
