package preflight.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import preflight.deployment.Actor;
import preflight.deployment.ChannelRules;

/**
 * Tokens of the pipeline API, one channel each. A token is {@code pft_} and 32 random bytes; the
 * database holds only its SHA-256, so a leaked database does not leak a usable token.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "pft_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern SECRET = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    /** Last-used is for people reading {@code token list}: a minute's precision spares a write per request. */
    private static final Duration TOUCH_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ChannelRules rules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, ChannelRules rules, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.tx = tx;
        this.clock = clock;
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public TokenCreation create(String channelId, String teamDomain, String name, Actor by) {
        if (!validName(name)) {
            return new TokenCreation.InvalidName(name);
        }
        if (!rules.mayAdminister(channelId, by.id())) {
            return new TokenCreation.NotAllowed();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            return tx.execute(status -> {
                var now = clock.instant();
                long id = jdbc.sql("""
                                INSERT INTO api_token (channel_id, team_domain, name, hash, created_by, created_by_name, created_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                        .params(channelId, teamDomain, name, hash(secret), by.id(), by.name(), Timestamp.from(now))
                        .query(Long.class).single();
                record(id, channelId, "TOKEN_CREATED", by, now);
                return new TokenCreation.Created(find(id).orElseThrow(), secret);
            });
        } catch (DuplicateKeyException taken) {
            return new TokenCreation.NameTaken(name);
        }
    }

    /** Live tokens of the channel, oldest first. */
    public List<ApiToken> list(String channelId) {
        return jdbc.sql("SELECT * FROM api_token WHERE channel_id = ? AND revoked_at IS NULL ORDER BY created_at, id")
                .param(channelId).query(ApiTokens::token).list();
    }

    public TokenRevocation revoke(String channelId, String name, Actor by) {
        if (!rules.mayAdminister(channelId, by.id())) {
            return TokenRevocation.NOT_ALLOWED;
        }
        return tx.execute(status -> {
            var now = clock.instant();
            var revoked = jdbc.sql("""
                            UPDATE api_token SET revoked_at = ?
                             WHERE channel_id = ? AND lower(name) = lower(?) AND revoked_at IS NULL RETURNING id""")
                    .params(Timestamp.from(now), channelId, name).query(Long.class).optional();
            revoked.ifPresent(id -> record(id, channelId, "TOKEN_REVOKED", by, now));
            return revoked.isPresent() ? TokenRevocation.REVOKED : TokenRevocation.UNKNOWN;
        });
    }

    /** The live token a request presents, noting that it was used; empty for anything else. */
    public Optional<ApiToken> authenticate(String presented) {
        if (presented == null || !SECRET.matcher(presented).matches()) {
            return Optional.empty();
        }
        var token = jdbc.sql("SELECT * FROM api_token WHERE hash = ? AND revoked_at IS NULL")
                .param(hash(presented)).query(ApiTokens::token).optional();
        token.ifPresent(this::touch);
        return token;
    }

    public List<TokenEvent> events(String channelId) {
        return jdbc.sql("""
                        SELECT e.type, t.name, e.actor_id, e.at FROM api_token_event e JOIN api_token t ON t.id = e.token_id
                         WHERE e.channel_id = ? ORDER BY e.id""")
                .param(channelId)
                .query((rs, n) -> new TokenEvent(rs.getString("type"), rs.getString("name"), rs.getString("actor_id"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public record TokenEvent(String type, String tokenName, String actorId, Instant at) {
    }

    private void touch(ApiToken token) {
        var now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_PRECISION).isBefore(now)) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), token.id()).update();
        }
    }

    private Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(id).query(ApiTokens::token).optional();
    }

    private void record(long tokenId, String channelId, String type, Actor by, Instant at) {
        jdbc.sql("""
                        INSERT INTO api_token_event (token_id, channel_id, type, actor_id, actor_name, at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(tokenId, channelId, type, by.id(), by.name(), Timestamp.from(at)).update();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("channel_id"), rs.getString("team_domain"),
                rs.getString("name"), rs.getString("created_by"), rs.getString("created_by_name"),
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
