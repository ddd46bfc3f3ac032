package preflight.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import preflight.testing.SlackAppFixture;

/** Bad input gets an ephemeral explanation and changes nothing. */
class BadCommandTest extends SlackAppFixture {

    @ParameterizedTest(name = "/deploy {0}")
    @CsvSource(delimiter = '|', value = {
            "start|Which release?",
            "start <!channel>|is not a release version",
            "start v1.2 no-such-template|don't have a template called `no-such-template`",
            "start v1.2 default prod<uction|is not an environment name",
            "start v1 default production extra|Too many words",
            "frobnicate v1.2|I don't know `frobnicate`",
            "''|Usage:",
    })
    void isExplainedAndNothingIsStarted(String text, String explanation) {
        var response = requests.command(channel, "U0ALICE", "alice", text);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json("text")).contains(explanation);
        assertNothingHappened();
    }

    @Test
    void aFiveHundredCharacterVersionIsRefused() {
        var response = requests.command(channel, "U0ALICE", "alice", "start " + "v".repeat(500));

        assertThat(response.json("text")).contains("is not a release version").doesNotContain("v".repeat(100));
        assertNothingHappened();
    }

    @Test
    void aMentionInTheVersionIsNeitherStoredNorEchoedAsAPing() {
        var response = requests.command(channel, "U0ALICE", "alice", "start <@U0BOSS>");

        assertThat(response.json("text")).contains("&lt;@U0BOSS&gt;").doesNotContain("<@U0BOSS>");
        assertNothingHappened();
    }

    @Test
    void aForgedSignatureIsRejected() {
        String body = "command=%2Fdeploy&text=start+v9&channel_id=" + channel + "&user_id=U0EVE&user_name=eve";
        var headers = requests.signatureHeaders(body, System.currentTimeMillis() / 1000);
        var forged = Map.of("X-Slack-Request-Timestamp", headers.get("X-Slack-Request-Timestamp"),
                "X-Slack-Signature", "v0=" + "0".repeat(64));

        var response = requests.post("application/x-www-form-urlencoded", body, forged);

        assertThat(response.status()).isEqualTo(401);
        assertNothingHappened();
    }

    @Test
    void aStaleTimestampIsRejected() {
        String body = "command=%2Fdeploy&text=start+v9&channel_id=" + channel + "&user_id=U0EVE&user_name=eve";
        var stale = requests.signatureHeaders(body, System.currentTimeMillis() / 1000 - 10 * 60);

        var response = requests.post("application/x-www-form-urlencoded", body, stale);

        assertThat(response.status()).isEqualTo(401);
        assertNothingHappened();
    }

    @Test
    void anUnsignedRequestIsRejected() {
        var response = requests.post("application/x-www-form-urlencoded",
                "command=%2Fdeploy&text=start+v9&channel_id=" + channel, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertNothingHappened();
    }

    /** No row stored, and nothing posted: a valid start afterwards is the first and only post. */
    private void assertNothingHappened() {
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isZero();
        requests.command(channel, "U0ALICE", "alice", "start v0.0.1-marker");
        awaitThread("v0.0.1-marker", 1);
        assertThat(slack.calls("chat.postMessage")).allSatisfy(call ->
                assertThat(call.param("text")).doesNotContain("v9"));
        assertThat(slack.messages(channel).getFirst().text()).contains("v0.0.1-marker");
    }
}
