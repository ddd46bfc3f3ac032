package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

class RequestSignaturesTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private final RequestSignatures signatures = new RequestSignatures(SECRET);

    @Test
    void signsAsSlackDocumentsAndAsBoltDoes() {
        // Slack's worked example (api.slack.com/authentication/verifying-requests-from-slack)
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        assertThat(signatures.sign("1531420618", body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
                .isEqualTo(new SlackSignature.Generator(SECRET).generate("1531420618", body));
    }

    @Test
    void acceptsOnlyTheSignatureOfThisTimestampBodyAndSecret() {
        String signature = signatures.sign("1700000000", "payload=é✓");

        assertThat(signatures.isValid("1700000000", "payload=é✓", signature)).isTrue();
        assertThat(signatures.isValid("1700000001", "payload=é✓", signature)).isFalse();
        assertThat(signatures.isValid("1700000000", "payload=e✓", signature)).isFalse();
        assertThat(new RequestSignatures("another secret").isValid("1700000000", "payload=é✓", signature)).isFalse();
        assertThat(signatures.isValid("1700000000", "payload=é✓", signature.toUpperCase())).isFalse();
        assertThat(signatures.isValid("1700000000", "payload=é✓", "")).isFalse();
    }
}
