package preflight.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;

/**
 * Releases started from the {@code signoff-test} template (src/test/resources/templates): two items;
 * Tech Lead signed by U0TECH, QA Lead by the group S0QATEAM (member U0QA1), Product Owner by
 * nobody in particular. Alice (U0ALICE) starts every release.
 */
public abstract class SignoffFixture extends SlackAppFixture {

    public static final String TECH_LEAD = "0";
    public static final String QA_LEAD = "1";
    public static final String PRODUCT_OWNER = "2";

    @BeforeEach
    public void knownPeople() {
        // The app caches group members for a minute: every test must see the same membership.
        slack.setUserGroup("S0QATEAM", "U0QA1");
    }

    /** Starts a release and returns its sign-off message once the whole thread is posted. */
    public FakeSlackApi.Message start(String release, String template) {
        return start(release, template, "U0ALICE");
    }

    /** Starts a release as the given user. */
    public FakeSlackApi.Message start(String release, String template, String userId) {
        requests.command(channel, userId, userId.substring(2).toLowerCase(), "start " + release + " " + template);
        await(() -> signoffMessageOrNull() != null, "sign-off message of " + release);
        // Clicks find their release by the message's ts, which the app stores once Slack has answered.
        await(() -> jdbc.sql("SELECT count(*) FROM message_view WHERE channel_id = ? AND kind = 'SIGNOFF' AND ts IS NOT NULL")
                .param(channel).query(Integer.class).single() == 1, "sign-off message's ts stored");
        return signoffMessageOrNull();
    }

    public FakeSlackApi.Message signoffMessage() {
        return Objects.requireNonNull(signoffMessageOrNull(), "no sign-off message");
    }

    private FakeSlackApi.Message signoffMessageOrNull() {
        return slack.messages(channel).stream()
                .filter(m -> m.blocks().stream().anyMatch(b -> "so:head".equals(b.get("block_id"))))
                .findFirst().orElse(null);
    }

    public FakeSlackApi.Message card() {
        return slack.messages(channel).getFirst();
    }

    public static String text(FakeSlackApi.Message message) {
        return FakeSlackApi.write(message.blocks());
    }

    public SlackRequests.Response click(FakeSlackApi.Message message, String action, String role, String userId) {
        return requests.clickButton(message, action + ":" + role, userId, userId.substring(2).toLowerCase());
    }

    /** The ephemeral answer to a click, sent through its response_url. */
    public String awaitEphemeral(String containing) {
        return slack.awaitCall(FakeSlackApi.RESPONSE_URL_METHOD,
                call -> call.param("text") != null && call.param("text").contains(containing),
                Duration.ofSeconds(10)).param("text");
    }

    public List<String> decisions() {
        return jdbc.sql("SELECT role || ':' || decision || ':' || decided_by FROM signoff_decision ORDER BY role")
                .query(String.class).list();
    }

    public List<Map<String, Object>> signoffEvents() {
        return jdbc.sql("""
                        SELECT type, actor_id, subject, detail FROM deployment_event
                         WHERE type LIKE 'SIGNOFF%' ORDER BY id""")
                .query((rs, n) -> {
                    var event = new java.util.LinkedHashMap<String, Object>();
                    event.put("type", rs.getString("type"));
                    event.put("actor", rs.getString("actor_id"));
                    event.put("role", rs.getString("subject"));
                    event.put("detail", rs.getString("detail"));
                    return (Map<String, Object>) event;
                })
                .list();
    }

    public void awaitRendered(String containing) {
        await(() -> text(signoffMessage()).contains(containing) && text(card()).contains(containing),
                "sign-off message and card showing " + containing);
    }
}
