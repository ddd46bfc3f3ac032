package preflight.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/**
 * Pipelines against the running app: Alice (U0ALICE) is made a release manager of the test's
 * channel and creates its tokens in Slack, as a team would.
 */
public abstract class ApiFixture extends SignoffFixture {

    private static final Pattern SECRET = Pattern.compile("pft_[A-Za-z0-9_-]{43}");

    /** A new token of this test's channel, created by Alice with {@code /deploy token create}. */
    public String createToken(String name) {
        requests.command(channel, ADMIN, "admin", "managers <@U0ALICE|alice>");
        String reply = requests.command(channel, "U0ALICE", "alice", "token create " + name).json("text");
        var secret = SECRET.matcher(reply == null ? "" : reply);
        assertThat(secret.find()).as("token in %s", reply).isTrue();
        return secret.group();
    }

    public ApiClient api(String token) {
        return new ApiClient("http://localhost:" + port, token);
    }
}
