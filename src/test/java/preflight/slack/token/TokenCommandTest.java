package preflight.slack.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.testing.ApiFixture;

/** {@code /deploy token …}: only release managers create and revoke; the token is shown once and stored as a hash. */
class TokenCommandTest extends ApiFixture {

    @Test
    void aManagerCreatesListsAndRevokesATokenAndOnlyItsHashIsStored() {
        String token = createToken("github-actions");

        assertThat(jdbc.sql("SELECT hash FROM api_token").query(String.class).single())
                .hasSize(64).doesNotContain(token.substring(4));
        assertThat(jdbc.sql("SELECT count(*) FROM api_token t WHERE position(? IN t::text) > 0").param(token)
                .query(Integer.class).single()).isZero();
        assertThat(api(token).get("/api/v1/releases/v1").status()).isEqualTo(404);

        String list = requests.command(channel, "U0ALICE", "alice", "token list").json("text");
        assertThat(list).contains("github-actions", "<@U0ALICE>", "last used").doesNotContain(token);

        assertThat(requests.command(channel, "U0ALICE", "alice", "token revoke github-actions").json("text"))
                .contains("revoked");
        assertThat(api(token).get("/api/v1/releases/v1").status()).isEqualTo(401);
        assertThat(requests.command(channel, "U0ALICE", "alice", "token list").json("text")).contains("no API tokens");
        assertThat(jdbc.sql("SELECT type || ' ' || actor_id FROM api_token_event ORDER BY id").query(String.class).list())
                .containsExactly("TOKEN_CREATED U0ALICE", "TOKEN_REVOKED U0ALICE");
    }

    @Test
    void someoneWhoIsNotAManagerCanNeitherCreateNorRevoke() {
        String token = createToken("ci");

        assertThat(requests.command(channel, "U0MALLORY", "mallory", "token create mine").json("text"))
                .contains("Only this channel's release managers");
        assertThat(requests.command(channel, "U0MALLORY", "mallory", "token revoke ci").json("text"))
                .contains("Only this channel's release managers");

        assertThat(jdbc.sql("SELECT name FROM api_token WHERE revoked_at IS NULL").query(String.class).list())
                .containsExactly("ci");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token_event").query(Integer.class).single()).isEqualTo(1);
        assertThat(api(token).get("/api/v1/releases/v1").status()).isEqualTo(404);
    }

    @Test
    void aChannelWithoutManagersGetsTokensOnlyFromAnAdmin() {
        assertThat(requests.command(channel, "U0ALICE", "alice", "token create ci").json("text"))
                .contains("Only this channel's release managers or an admin").doesNotContain("pft_");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token").query(Integer.class).single()).isZero();

        assertThat(requests.command(channel, ADMIN, "admin", "token create ci").json("text")).contains("pft_");
        assertThat(jdbc.sql("SELECT created_by FROM api_token").query(String.class).single()).isEqualTo(ADMIN);
    }

    @Test
    void badTokenCommandsAreExplainedAndChangeNothing() {
        createToken("ci");
        assertThat(requests.command(channel, "U0ALICE", "alice", "token create ci").json("text"))
                .contains("already has a token called").doesNotContain("pft_");
        assertThat(requests.command(channel, "U0ALICE", "alice", "token create <!channel>").json("text"))
                .contains("is not a token name").doesNotContain("<!channel>");
        assertThat(requests.command(channel, "U0ALICE", "alice", "token revoke nope").json("text"))
                .contains("no token called");
        assertThat(requests.command(channel, "U0ALICE", "alice", "token").json("text")).contains("Usage");
        assertThat(requests.command(channel, "U0ALICE", "alice", "token create a b").json("text")).contains("Usage");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token_event").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRevokedNameMayBeUsedAgain() {
        String first = createToken("ci");
        requests.command(channel, "U0ALICE", "alice", "token revoke ci");
        String second = createToken("ci");
        assertThat(second).isNotEqualTo(first);
        assertThat(api(first).get("/api/v1/releases/v1").status()).isEqualTo(401);
        assertThat(api(second).get("/api/v1/releases/v1").status()).isEqualTo(404);
    }
}
