package preflight.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackLimitsTest {

    private static Map<String, Object> text(String type, String text) {
        return new LinkedHashMap<>(Map.of("type", type, "text", text));
    }

    private static Map<String, Object> option(String label, String description, String value) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("text", text("mrkdwn", label));
        if (description != null) {
            option.put("description", text("plain_text", description));
        }
        option.put("value", value);
        return option;
    }

    private static Map<String, Object> checkboxes(String actionId, List<Map<String, Object>> options, List<Map<String, Object>> initial) {
        Map<String, Object> element = new LinkedHashMap<>(Map.of("type", "checkboxes", "action_id", actionId, "options", options));
        if (!initial.isEmpty()) {
            element.put("initial_options", initial);
        }
        return element;
    }

    private static Map<String, Object> button(String actionId, String label) {
        return new LinkedHashMap<>(Map.of("type", "button", "action_id", actionId, "text", text("plain_text", label), "value", "v"));
    }

    private static Map<String, Object> section(String blockId, String mrkdwn) {
        return new LinkedHashMap<>(Map.of("type", "section", "block_id", blockId, "text", text("mrkdwn", mrkdwn)));
    }

    private static Map<String, Object> actions(String blockId, List<Map<String, Object>> elements) {
        return new LinkedHashMap<>(Map.of("type", "actions", "block_id", blockId, "elements", elements));
    }

    private static Map<String, Object> header(String blockId, String text) {
        return new LinkedHashMap<>(Map.of("type", "header", "block_id", blockId, "text", text("plain_text", text)));
    }

    private static Map<String, Object> context(String blockId, int elements) {
        List<Map<String, Object>> texts = IntStream.range(0, elements).mapToObj(i -> text("mrkdwn", "note " + i)).toList();
        return new LinkedHashMap<>(Map.of("type", "context", "block_id", blockId, "elements", texts));
    }

    /** A release card as the renderer might produce it: everything just inside the limits. */
    private static List<Map<String, Object>> compliantCard() {
        var options = IntStream.range(0, 10).mapToObj(i -> option("x".repeat(75), "d".repeat(75), "v".repeat(75))).toList();
        return new ArrayList<>(List.of(
                header("h", "h".repeat(150)),
                section("s", "&lt;!channel&gt; is escaped; <@U123> mentions a person. " + "s".repeat(2000)),
                actions("a", List.of(checkboxes("a".repeat(255), options, List.of(options.get(3))),
                        button("sign", "b".repeat(75)))),
                context("c", 10),
                section("b".repeat(255), "ok")));
    }

    @Test
    public void compliantMessagePasses() {
        assertThat(SlackLimits.violations(compliantCard(), "Release v1.2 <!date^1700000000^{date}|today>", false)).isEmpty();
        SlackLimits.assertWithinLimits(new FakeSlackApi.Message("C1", "1.000100", null, "fallback", compliantCard(), 0));
    }

    @Test
    public void tooManyBlocks() {
        List<Map<String, Object>> blocks = IntStream.range(0, 51).mapToObj(i -> section("b" + i, "x")).toList();

        assertThat(SlackLimits.violations(blocks, "t", false)).singleElement().asString().contains("51 blocks");
        assertThat(SlackLimits.violations(blocks, "t", true)).isEmpty();
        List<Map<String, Object>> modal = IntStream.range(0, 101).mapToObj(i -> section("b" + i, "x")).toList();
        assertThat(SlackLimits.violations(modal, "t", true)).singleElement().asString().contains("101 blocks");
    }

    @Test
    public void blockIdsMustBeUniqueAndShort() {
        var blocks = List.of(section("same", "a"), section("same", "b"), section("i".repeat(256), "c"));

        assertThat(SlackLimits.violations(blocks, "t", false))
                .anySatisfy(v -> assertThat(v).contains("duplicate block_id"))
                .anySatisfy(v -> assertThat(v).contains("block_id has 256 characters"))
                .hasSize(2);
    }

    @Test
    public void actionIdLength() {
        var blocks = List.of(actions("a", List.of(button("i".repeat(256), "Go"))));

        assertThat(SlackLimits.violations(blocks, "t", false)).singleElement().asString().contains("action_id has 256");
    }

    @Test
    public void checkboxOptionLimits() {
        var eleven = IntStream.range(0, 11).mapToObj(i -> option("item " + i, null, "v" + i)).toList();
        var tooLong = List.of(option("x".repeat(76), "d".repeat(76), "v".repeat(76)));
        var withAccessory = section("s", "items");
        withAccessory.put("accessory", checkboxes("long", tooLong, List.of()));
        var blocks = List.of(actions("a", List.of(checkboxes("many", eleven, List.of()))), withAccessory);

        assertThat(SlackLimits.violations(blocks, "t", false))
                .anySatisfy(v -> assertThat(v).contains("11 options"))
                .anySatisfy(v -> assertThat(v).contains("option text has 76"))
                .anySatisfy(v -> assertThat(v).contains("option description has 76"))
                .anySatisfy(v -> assertThat(v).contains("option value has 76"))
                .hasSize(4);
    }

    @Test
    public void initialOptionsMustBeAmongTheOptions() {
        var options = List.of(option("Backups", null, "backups"));
        var blocks = List.of(actions("a", List.of(checkboxes("tick", options, List.of(option("Backups!", null, "backups"))))));

        assertThat(SlackLimits.violations(blocks, "t", false)).singleElement().asString().contains("is not one of its options");
    }

    @Test
    public void elementCountsOfActionsAndContext() {
        var buttons = IntStream.range(0, 26).mapToObj(i -> button("b" + i, "Go")).toList();
        var blocks = List.of(actions("a", buttons), context("c", 11));

        assertThat(SlackLimits.violations(blocks, "t", false))
                .anySatisfy(v -> assertThat(v).contains("26 elements"))
                .anySatisfy(v -> assertThat(v).contains("11 elements"))
                .hasSize(2);
    }

    @Test
    public void textLengths() {
        var blocks = List.of(section("s", "s".repeat(3001)), header("h", "h".repeat(151)),
                actions("a", List.of(button("b", "b".repeat(76)))));

        assertThat(SlackLimits.violations(blocks, "t", false))
                .anySatisfy(v -> assertThat(v).contains("text has 3001"))
                .anySatisfy(v -> assertThat(v).contains("header text has 151"))
                .anySatisfy(v -> assertThat(v).contains("button text has 76"))
                .hasSize(3);
    }

    @Test
    public void lengthsCountCharactersNotUtf16Units() {
        var blocks = List.of(header("h", "🚀".repeat(150)));

        assertThat(SlackLimits.violations(blocks, "t", false)).isEmpty();
    }

    @Test
    public void allBlockTextOfAMessage() {
        var options = IntStream.range(0, 10).mapToObj(i -> option("x".repeat(70), "d".repeat(70), "v" + i)).toList();
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            blocks.add(section("s" + i, "s".repeat(2500)));
        }
        blocks.add(actions("a", List.of(checkboxes("tick", options, List.of())))); // 10 * 140 = 1400 more

        assertThat(SlackLimits.violations(blocks, "t", false)).isEmpty();
        blocks.add(section("s9", "s".repeat(700)));
        assertThat(SlackLimits.violations(blocks, "t", false)).singleElement().asString()
                .startsWith("blocks hold 12100 characters").contains("msg_blocks_too_long");
        assertThat(SlackLimits.violations(blocks, "t", true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!channel>", "<!here>", "<!everyone>", "<!here|here>", "<!subteam^S123>", "<!subteam^S123|@qa>"})
    public void pingsAreFoundAnywhereInBlocksAndInTheFallback(String ping) {
        var placeholder = new LinkedHashMap<String, Object>(Map.of("type", "plain_text_input", "action_id", "in",
                "placeholder", text("plain_text", "Release " + ping)));
        var input = new LinkedHashMap<String, Object>(Map.of("type", "input", "block_id", "i", "label", text("plain_text", "x"),
                "element", placeholder));

        assertThat(SlackLimits.violations(List.of(section("s", "Release " + ping)), "t", false)).hasSize(1);
        assertThat(SlackLimits.violations(List.of(input), "t", true)).hasSize(1);
        assertThat(SlackLimits.violations(List.of(), "v1.2 " + ping, false)).singleElement().asString().startsWith("text would ping");
    }

    @Test
    public void fallbackTextLength() {
        assertThat(SlackLimits.violations(List.of(), "t".repeat(40_001), false)).singleElement().asString().contains("40001");
        assertThat(SlackLimits.violations(List.of(), "t".repeat(40_000), false)).isEmpty();
    }

    @Test
    public void assertWithinLimitsListsEveryViolation() {
        var message = new FakeSlackApi.Message("C1", "1700000000.000100", null, "<!here>",
                List.of(section("s", "a"), section("s", "b")), 2);

        assertThatThrownBy(() -> SlackLimits.assertWithinLimits(message))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("C1/1700000000.000100")
                .hasMessageContaining("duplicate block_id")
                .hasMessageContaining("text would ping");
    }

    @Test
    public void timestampsInTextAreNotPings() {
        String date = "<!date^" + Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() + "^{date_short}|2026-01-01>";
        assertThat(SlackLimits.violations(List.of(section("s", date)), date, false)).isEmpty();
    }
}
