package preflight.token;

import java.time.Instant;

import preflight.deployment.Actor;

/** A live or revoked token of a channel, without its secret (only its hash is ever stored). */
public record ApiToken(long id, String channelId, String teamDomain, String name, String createdBy,
                       String createdByName, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public Actor actor() {
        return Actor.token(name, channelId);
    }
}
