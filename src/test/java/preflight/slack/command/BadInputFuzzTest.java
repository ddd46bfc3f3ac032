package preflight.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import preflight.slack.bolt.SlackEventsServlet;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.RawSlackRequests;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/**
 * Fault suite: bad input of every kind gets a clear answer or a 4xx — never a 500, never a
 * stored change, and nothing the app posts can ping anyone.
 */
class BadInputFuzzTest extends SlackAppFixture {

    /** Mentions an attacker would like the bot to post; the app's own {@code <@starter>} is fine. */
    private static final Pattern PING = Pattern.compile(
            "<!(channel|here|everyone|subteam)|<@(U0BOSS|W0BOSS)|<#C0SECRET");
    private static final String[] NASTY = {
            "<!channel>", "<!here>", "<!everyone>", "<@U0BOSS>", "<@W0BOSS|boss>", "<!subteam^S0GROUP>",
            "<#C0SECRET>", "<https://evil.example|click>", "*bold*", "_it_", "~s~", "`code`", "```block```",
            "&amp;", "&lt;!channel&gt;", "\u202Eevil", "\u200B", "e\u0301", "🚀", "👩‍👩‍👧", "\uD83D", "\u0000",
            "\t", "\n", "\r\n", "%00", "%3C!channel%3E", "' OR 1=1 --", "\"; DROP TABLE deployment; --",
            "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd", "ﷺ", "𝕍𝟙", "Ａ", "v1.2\u0000", "-", "--help",
    };

    private final Random random = new Random(20_260_601L);
    private long releaseId;
    private FakeSlackApi.Message checklist;
    private Baseline before;

    @BeforeEach
    void startRelease() {
        requests.command(channel, "U0ALICE", "alice", "start v1.0");
        checklist = awaitThread("v1.0", 1).getFirst();
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(15));
        releaseId = jdbc.sql("SELECT id FROM deployment").query(Long.class).single();
        before = baseline();
    }

    @Test
    void randomAndHostileCommandTextIsExplainedAndChangesNothing() {
        List<String> texts = new ArrayList<>(List.of(NASTY));
        for (String nasty : NASTY) {
            texts.add("start " + nasty);
            if (!nasty.isBlank()) { // "start v9 " plus blanks is a valid start
                texts.add("start v9 " + nasty);
                texts.add("start v9 default " + nasty);
            }
            texts.add("status " + nasty);
            texts.add(nasty + " v9");
        }
        for (int i = 0; i < 60; i++) {
            texts.add((i % 2 == 0 ? "start " : "") + randomText(1 + random.nextInt(i < 50 ? 80 : 3000)));
        }
        texts.add("start " + "v".repeat(70));
        texts.add("x".repeat(20_000));
        texts.add("start v9 " + "a".repeat(5_000));

        for (String text : texts) {
            var answer = requests.command(channel, "U0ALICE", "alice", text);
            assertThat(answer.status()).as("/deploy %s", text).isEqualTo(200);
            assertThat(answer.body()).as("/deploy %s", text).startsWith("{");
            assertThat(answer.json("text")).as("/deploy %s", text).isNotBlank().doesNotContainPattern(PING);
        }
        assertNothingChangedAndNoPing();
    }

    @Test
    void malformedPayloadsAreRefusedWith400() {
        List<String> bodies = new ArrayList<>(List.of(
                "payload=", "payload=%7B", "payload=null", "payload=%5B%5D", "payload=%22x%22", "payload=42",
                RawSlackRequests.payload("{\"type\":\"block_actions\"}"),
                RawSlackRequests.payload("{\"type\":\"block_actions\",\"actions\":\"nope\",\"user\":{\"id\":\"U0X\"}}"),
                RawSlackRequests.payload("{\"type\":\"block_actions\",\"actions\":[],\"user\":{\"id\":\"U0X\"}}"),
                RawSlackRequests.payload("{\"type\":\"block_actions\",\"actions\":[{}],\"user\":{\"id\":\"U0X\"}}"),
                RawSlackRequests.payload("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"checklist_tick\"}]}"),
                RawSlackRequests.payload("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"checklist_tick\"}],"
                        + "\"user\":{\"id\":\"<!channel>\"}}"),
                RawSlackRequests.payload("{\"type\":{\"nested\":true}}"),
                RawSlackRequests.payload("{\"type\":\"no_such_type\"}"),
                RawSlackRequests.payload("{\"no_type\":1}"),
                "command=%2Fdeploy&text=start+v9",
                "command=%2Fdeploy&text=start+v9&user_id=U0ALICE",
                "command=%2Fdeploy&text=start+v9&user_id=%3C%21channel%3E&channel_id=" + channel,
                "command=%2Fdeploy&text=start+v9&user_id=U0ALICE&channel_id=",
                "command=&text=start+v9&user_id=U0ALICE&channel_id=" + channel,
                "just some text", "", "=&=&&==", "%ZZ%", "{\"type\":\"block_actions\"}"));
        for (int i = 0; i < 20; i++) {
            bodies.add("payload=" + randomText(1 + random.nextInt(200)));
        }
        for (String body : bodies) {
            var answer = requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, now()));
            assertThat(answer.status()).as("body %s", body).isBetween(400, 499);
        }
        var json = "{\"type\":\"block_actions\",\"actions\":[]}";
        assertThat(requests.post("application/json", json, requests.signatureHeaders(json, now())).status())
                .isBetween(400, 499);
        assertNothingChangedAndNoPing();
    }

    @Test
    void clicksThatDoNotFitAChecklistChangeNothing() {
        String item = BlockKit.optionValues(List.of(checklist)).getFirst();
        List<Map<String, Object>> actions = List.of(
                action("no_such_action", "ck:0:10:0000", item),
                action("checklist_tick", "garbage", item),
                action("checklist_tick", "ck:0:99999:0000", item),
                action("checklist_tick", "ck:-5:3:0000", item),
                action("checklist_tick", "ck:0:10:zzzz", item),
                action("checklist_tick", "ck:0:10:0000", "no-such-item"),
                action("checklist_tick", "ck:0:10:0000", "<!channel>"),
                action("checklist_tick", "ck:9000:9010:0000", item));
        for (var action : actions) {
            for (String ts : List.of(checklist.ts(), "1.2", "<!channel>")) {
                var body = RawSlackRequests.payload(RawSlackRequests.blockActions(channel, ts, "U0MALLORY",
                        "<!channel>", List.of(action), slack.responseUrl("fuzz")));
                var answer = requests.post(SlackRequests.FORM, body, requests.signatureHeaders(body, now()));
                assertThat(answer.status()).as("%s on %s", action, ts).isLessThan(500);
            }
        }
        // every checklist message is re-rendered from the database after a refused click
        assertNothingChangedAndNoPing();
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String big = "payload=" + "a".repeat(1024 * 1024);
        assertThat(requests.post(SlackRequests.FORM, big, requests.signatureHeaders(big, now())).status())
                .isEqualTo(413);
        assertThat(requests.post(SlackRequests.FORM, big, Map.of()).status()).isEqualTo(413);
        String justOver = RawSlackRequests.commandBody(channel, "U0ALICE", "alice",
                "start v9 " + "x".repeat(SlackEventsServlet.MAX_BODY_BYTES), slack.responseUrl("big"));
        assertThat(requests.post(SlackRequests.FORM, justOver, requests.signatureHeaders(justOver, now())).status())
                .isEqualTo(413);
        assertNothingChangedAndNoPing();
    }

    @Test
    void aHostileUserNameIsShownButCannotPing() {
        String item = BlockKit.optionValues(List.of(checklist)).getFirst();

        requests.toggleCheckbox(checklist, item, "U0MALLORY", "<!channel> <@U0BOSS> &amp; *x*");

        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(15));
        SlackMatchesDatabase.assertEqual(jdbc, slack);
        assertThat(BlockKit.descriptions(slack.message(channel, checklist.ts()).orElseThrow())).contains("channel");
        assertNoPing();
    }

    private Map<String, Object> action(String actionId, String blockId, String value) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "checkboxes");
        action.put("action_id", actionId);
        action.put("block_id", blockId);
        action.put("selected_options", List.of(Map.of("value", value, "text", Map.of("type", "mrkdwn", "text", "x"))));
        action.put("action_ts", now() + ".000100");
        return action;
    }

    private String randomText(int length) {
        var text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(5)) {
                case 0 -> text.append(NASTY[random.nextInt(NASTY.length)]);
                case 1 -> text.appendCodePoint(random.nextInt(0x20, 0x7F));
                case 2 -> text.appendCodePoint(random.nextInt(0xA0, 0x2FFF));
                case 3 -> text.appendCodePoint(random.nextInt(0x1F300, 0x1FAFF));
                default -> text.append(' ');
            }
        }
        // always at least one character no release version may contain, so nothing valid is started
        return "<" + text;
    }

    private record Baseline(int deployments, int ticks, int events, int posts) {
    }

    private Baseline baseline() {
        return new Baseline(count("deployment"), count("item_tick"), count("deployment_event"),
                slack.calls("chat.postMessage").size());
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private void assertNothingChangedAndNoPing() {
        assertThat(baseline()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT status FROM deployment WHERE id = ?").param(releaseId).query(String.class)
                .single()).isEqualTo("IN_PROGRESS");
        SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(15));
        SlackMatchesDatabase.assertEqual(jdbc, slack);
        assertNoPing();
    }

    /** Nothing the app sent to Slack — posts, updates, replies through response_url — holds a ping. */
    private void assertNoPing() {
        for (var call : slack.calls()) {
            call.params().forEach((name, value) -> {
                if (!name.equals("token")) {
                    assertThat(value).as("%s %s", call.method(), name).doesNotContainPattern(PING);
                }
            });
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
