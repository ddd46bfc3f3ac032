package preflight.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Request bodies as Slack sends them, built without posting, so a test can send the very same
 * bytes twice, sign them as it likes or break them on purpose.
 */
public final class RawSlackRequests {

    private RawSlackRequests() {
    }

    public static String commandBody(String channel, String userId, String userName, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", SlackRequests.VERIFICATION_TOKEN);
        form.put("team_id", FakeSlackApi.TEAM_ID);
        form.put("team_domain", FakeSlackApi.TEAM_DOMAIN);
        form.put("channel_id", channel);
        form.put("channel_name", channel.toLowerCase());
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", SlackRequests.COMMAND);
        form.put("text", text);
        form.put("api_app_id", FakeSlackApi.APP_ID);
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1337." + UUID.randomUUID());
        return form(form);
    }

    /** A click on one checkbox of a checklist message, as the person saw the message. */
    public static String tickBody(FakeSlackApi.Message message, String item, String userId, String userName, String responseUrl) {
        Map<String, Object> block = message.blocks().stream()
                .filter(b -> "actions".equals(b.get("type")))
                .filter(b -> FakeSlackApi.interactiveElements(b).stream().anyMatch(e -> options(e, "options").stream()
                        .anyMatch(o -> item.equals(o.get("value")))))
                .findFirst().orElseThrow(() -> new AssertionError("no checkbox " + item));
        var element = FakeSlackApi.interactiveElements(block).getFirst();
        List<Map<String, Object>> selected = new java.util.ArrayList<>(options(element, "initial_options"));
        if (selected.removeIf(o -> item.equals(o.get("value")))) {
            // it was ticked: the click unticks it
        } else {
            options(element, "options").stream().filter(o -> item.equals(o.get("value"))).forEach(selected::add);
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "checkboxes");
        action.put("action_id", element.get("action_id"));
        action.put("block_id", block.get("block_id"));
        action.put("selected_options", selected);
        action.put("action_ts", Instant.now().getEpochSecond() + ".000100");
        return payload(blockActions(message.channel(), message.ts(), userId, userName, List.of(action), responseUrl));
    }

    public static Map<String, Object> blockActions(String channel, String ts, String userId, String userName,
                                            List<Map<String, Object>> actions, String responseUrl) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", Map.of("id", userId, "username", userName, "name", userName, "team_id", FakeSlackApi.TEAM_ID));
        payload.put("api_app_id", FakeSlackApi.APP_ID);
        payload.put("token", SlackRequests.VERIFICATION_TOKEN);
        payload.put("container", Map.of("type", "message", "message_ts", ts, "channel_id", channel, "is_ephemeral", false));
        payload.put("trigger_id", "1337." + UUID.randomUUID());
        payload.put("team", Map.of("id", FakeSlackApi.TEAM_ID, "domain", FakeSlackApi.TEAM_DOMAIN));
        payload.put("channel", Map.of("id", channel, "name", channel.toLowerCase()));
        payload.put("response_url", responseUrl);
        payload.put("actions", actions);
        return payload;
    }

    public static String payload(Map<String, Object> payload) {
        return payload(FakeSlackApi.write(payload));
    }

    public static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> options(Map<String, Object> element, String key) {
        return element.get(key) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
