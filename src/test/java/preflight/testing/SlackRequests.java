package preflight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.slack.api.app_backend.SlackSignature;
import tools.jackson.core.JacksonException;

/** Builds requests the way Slack sends them to an app and posts them, signed, to its /slack/events. */
public final class SlackRequests {

    public static final String COMMAND = "/deploy";
    public static final String VERIFICATION_TOKEN = "fake-verification-token";
    public static final String FORM = "application/x-www-form-urlencoded";

    private final URI eventsUri;
    private final SlackSignature.Generator signatures;
    private final FakeSlackApi slack;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public SlackRequests(String appBaseUrl, String signingSecret, FakeSlackApi slack) {
        this.eventsUri = URI.create(appBaseUrl.replaceAll("/+$", "") + "/slack/events");
        this.signatures = new SlackSignature.Generator(signingSecret);
        this.slack = slack;
    }

    public Response command(String channelId, String userId, String userName, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", VERIFICATION_TOKEN);
        form.put("team_id", FakeSlackApi.TEAM_ID);
        form.put("team_domain", FakeSlackApi.TEAM_DOMAIN);
        form.put("channel_id", channelId);
        form.put("channel_name", channelName(channelId));
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", COMMAND);
        form.put("text", text);
        form.put("api_app_id", FakeSlackApi.APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", newResponseUrl());
        form.put("trigger_id", triggerId());
        return signedPost(FORM, formEncode(form));
    }

    public Response toggleCheckbox(FakeSlackApi.Message message, String optionValue, String userId, String userName) {
        Found found = findElement(message, e -> "checkboxes".equals(e.get("type"))
                && options(e, "options").stream().anyMatch(o -> optionValue.equals(o.get("value"))), "checkboxes with option " + optionValue);
        List<Map<String, Object>> initial = options(found.element, "initial_options");
        boolean wasSelected = initial.stream().anyMatch(o -> optionValue.equals(o.get("value")));
        // Slack sends the element's whole new selection, in the order of its options.
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Map<String, Object> option : options(found.element, "options")) {
            Object value = option.get("value");
            boolean isInitial = initial.stream().anyMatch(o -> value != null && value.equals(o.get("value")));
            boolean isToggled = optionValue.equals(value);
            if (isToggled ? !wasSelected : isInitial) {
                selected.add(option);
            }
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "checkboxes");
        action.put("action_id", found.element.get("action_id"));
        action.put("block_id", found.blockId);
        action.put("selected_options", selected);
        action.put("action_ts", actionTs());
        return blockActionPayload(FakeSlackApi.write(blockActions(message, userId, userName, action)));
    }

    public Response clickButton(FakeSlackApi.Message message, String actionId, String userId, String userName) {
        Found found = findElement(message, e -> "button".equals(e.get("type")) && actionId.equals(e.get("action_id")),
                "button " + actionId);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "button");
        action.put("action_id", actionId);
        action.put("block_id", found.blockId);
        action.put("text", found.element.get("text"));
        if (found.element.containsKey("value")) {
            action.put("value", found.element.get("value"));
        }
        if (found.element.containsKey("style")) {
            action.put("style", found.element.get("style"));
        }
        action.put("action_ts", actionTs());
        return blockActionPayload(FakeSlackApi.write(blockActions(message, userId, userName, action)));
    }

    /** Picks one option of an overflow menu, as Slack sends it. */
    public Response chooseFromMenu(FakeSlackApi.Message message, String actionId, String optionValue, String userId,
                                   String userName) {
        Found found = findElement(message, e -> "overflow".equals(e.get("type")) && actionId.equals(e.get("action_id")),
                "overflow menu " + actionId);
        Map<String, Object> chosen = options(found.element, "options").stream()
                .filter(option -> optionValue.equals(option.get("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + optionValue + " in " + found.element));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "overflow");
        action.put("action_id", actionId);
        action.put("block_id", found.blockId);
        action.put("selected_option", chosen);
        action.put("action_ts", actionTs());
        return blockActionPayload(FakeSlackApi.write(blockActions(message, userId, userName, action)));
    }

    public Response viewSubmission(Map<String, Object> view, Map<String, Map<String, Object>> stateValues, String userId) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("id", view.getOrDefault("id", "V0SUBMIT" + ThreadLocalRandom.current().nextInt(1_000_000)));
        submitted.put("team_id", FakeSlackApi.TEAM_ID);
        submitted.put("type", view.getOrDefault("type", "modal"));
        submitted.put("blocks", view.getOrDefault("blocks", List.of()));
        submitted.put("private_metadata", view.getOrDefault("private_metadata", ""));
        submitted.put("callback_id", view.getOrDefault("callback_id", ""));
        submitted.put("state", Map.of("values", stateValues));
        submitted.put("hash", view.getOrDefault("hash", "1700000000.fakehash"));
        submitted.put("title", view.get("title"));
        submitted.put("clear_on_close", view.getOrDefault("clear_on_close", false));
        submitted.put("notify_on_close", view.getOrDefault("notify_on_close", false));
        submitted.put("close", view.get("close"));
        submitted.put("submit", view.get("submit"));
        submitted.put("previous_view_id", null);
        submitted.put("root_view_id", view.getOrDefault("root_view_id", submitted.get("id")));
        submitted.put("app_id", FakeSlackApi.APP_ID);
        submitted.put("external_id", view.getOrDefault("external_id", ""));
        submitted.put("app_installed_team_id", FakeSlackApi.TEAM_ID);
        submitted.put("bot_id", FakeSlackApi.BOT_ID);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "view_submission");
        payload.put("team", team());
        payload.put("user", user(userId, slack.userName(userId)));
        payload.put("api_app_id", FakeSlackApi.APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        payload.put("trigger_id", triggerId());
        payload.put("view", submitted);
        payload.put("response_urls", List.of());
        payload.put("is_enterprise_install", false);
        payload.put("enterprise", null);
        return blockActionPayload(FakeSlackApi.write(payload));
    }

    /** Posts any interaction payload (block_actions, view_submission, …) signed, as payload=… form body. */
    public Response blockActionPayload(String payloadJson) {
        return signedPost(FORM, "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8));
    }

    /** An Events API delivery ({@code event_callback}) of this event, signed, as JSON. */
    public Response event(Map<String, Object> event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("token", VERIFICATION_TOKEN);
        envelope.put("team_id", FakeSlackApi.TEAM_ID);
        envelope.put("api_app_id", FakeSlackApi.APP_ID);
        envelope.put("event", event);
        envelope.put("type", "event_callback");
        envelope.put("event_id", "Ev" + ThreadLocalRandom.current().nextLong(1L << 40));
        envelope.put("event_time", Instant.now().getEpochSecond());
        return signedPost("application/json", FakeSlackApi.write(envelope));
    }

    /** {@code app_home_opened} on the Home tab, as Slack sends it when the user opens the app's Home. */
    public Response homeOpened(String userId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", userId);
        event.put("channel", "D" + userId);
        event.put("tab", "home");
        event.put("event_ts", Instant.now().getEpochSecond() + ".000100");
        return event(event);
    }

    /** The challenge Slack sends when the request URL is set in the app's settings. */
    public Response urlVerification(String challenge) {
        return signedPost("application/json", FakeSlackApi.write(Map.of("token", VERIFICATION_TOKEN,
                "challenge", challenge, "type", "url_verification")));
    }

    /** A click on a button of a published Home tab (container type view: no channel, message or response_url). */
    public Response clickHomeButton(Map<String, Object> homeView, String actionId, String userId, String userName) {
        Map<String, Object> button = null;
        String blockId = null;
        for (Object block : (List<?>) homeView.get("blocks")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> b = (Map<String, Object>) block;
            for (Map<String, Object> element : FakeSlackApi.interactiveElements(b)) {
                if ("button".equals(element.get("type")) && actionId.equals(element.get("action_id"))) {
                    button = element;
                    blockId = (String) b.get("block_id");
                }
            }
        }
        if (button == null) {
            throw new AssertionError("no button " + actionId + " on the Home tab " + homeView.get("blocks"));
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "button");
        action.put("action_id", actionId);
        action.put("block_id", blockId);
        action.put("text", button.get("text"));
        action.put("value", button.get("value"));
        action.put("action_ts", actionTs());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", user(userId, userName));
        payload.put("api_app_id", FakeSlackApi.APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        payload.put("container", Map.of("type", "view", "view_id", homeView.get("id")));
        payload.put("trigger_id", triggerId());
        payload.put("team", team());
        payload.put("enterprise", null);
        payload.put("is_enterprise_install", false);
        payload.put("view", homeView);
        payload.put("actions", List.of(action));
        return blockActionPayload(FakeSlackApi.write(payload));
    }

    /** Posts exactly this; signs nothing, so forged, stale or oversized requests can be sent. */
    public Response post(String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(eventsUri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers != null) {
            headers.forEach(request::header);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + eventsUri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to " + eventsUri, e);
        }
    }

    public Map<String, String> signatureHeaders(String body, long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp);
        headers.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signatures.generate(timestamp, body));
        return headers;
    }

    private Response signedPost(String contentType, String body) {
        return post(contentType, body, signatureHeaders(body, Instant.now().getEpochSecond()));
    }

    // ---- payload parts ------------------------------------------------------------------------

    private Map<String, Object> blockActions(FakeSlackApi.Message message, String userId, String userName, Map<String, Object> action) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("type", "message");
        container.put("message_ts", message.ts());
        container.put("channel_id", message.channel());
        container.put("is_ephemeral", false);
        if (message.threadTs() != null) {
            container.put("thread_ts", message.threadTs());
        }

        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("type", "message");
        shown.put("user", FakeSlackApi.BOT_USER_ID);
        shown.put("bot_id", FakeSlackApi.BOT_ID);
        shown.put("app_id", FakeSlackApi.APP_ID);
        shown.put("text", message.text());
        shown.put("ts", message.ts());
        shown.put("team", FakeSlackApi.TEAM_ID);
        if (message.threadTs() != null) {
            shown.put("thread_ts", message.threadTs());
            shown.put("parent_user_id", FakeSlackApi.BOT_USER_ID);
        }
        shown.put("blocks", message.blocks());

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", user(userId, userName));
        payload.put("api_app_id", FakeSlackApi.APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        payload.put("container", container);
        payload.put("trigger_id", triggerId());
        payload.put("team", team());
        payload.put("enterprise", null);
        payload.put("is_enterprise_install", false);
        payload.put("channel", Map.of("id", message.channel(), "name", channelName(message.channel())));
        payload.put("message", shown);
        payload.put("state", Map.of("values", Map.of()));
        payload.put("response_url", newResponseUrl());
        payload.put("actions", List.of(action));
        return payload;
    }

    private static Map<String, Object> user(String userId, String userName) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("username", userName);
        user.put("name", userName);
        user.put("team_id", FakeSlackApi.TEAM_ID);
        return user;
    }

    private static Map<String, Object> team() {
        return Map.of("id", FakeSlackApi.TEAM_ID, "domain", FakeSlackApi.TEAM_DOMAIN);
    }

    private record Found(String blockId, Map<String, Object> element) {
    }

    private static Found findElement(FakeSlackApi.Message message, java.util.function.Predicate<Map<String, Object>> matching,
                                     String what) {
        for (Map<String, Object> block : message.blocks()) {
            for (Map<String, Object> element : FakeSlackApi.interactiveElements(block)) {
                if (matching.test(element)) {
                    return new Found((String) block.get("block_id"), element);
                }
            }
        }
        throw new AssertionError("no " + what + " in message " + message.channel() + "/" + message.ts() + ": "
                + FakeSlackApi.write(message.blocks()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> options(Map<String, Object> element, String key) {
        return element.get(key) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private String newResponseUrl() {
        return slack.responseUrl(UUID.randomUUID().toString());
    }

    private static String channelName(String channelId) {
        if (channelId.startsWith("D")) {
            return "directmessage";
        }
        if (channelId.startsWith("G")) {
            return "privategroup";
        }
        return channelId.toLowerCase();
    }

    private static String triggerId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return random.nextLong(1_000_000_000_000L, 9_999_999_999_999L) + "." + random.nextLong(1_000_000_000L, 9_999_999_999L)
                + "." + HexFormat.of().formatHex(bytes);
    }

    private static String actionTs() {
        Instant now = Instant.now();
        return String.format("%d.%06d", now.getEpochSecond(), now.getNano() / 1000);
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {
        /** A top-level field of a JSON body: strings as they are, other values as JSON, null when absent. */
        public String json(String field) {
            Map<String, Object> json;
            try {
                json = FakeSlackApi.readMap(body);
            } catch (JacksonException e) {
                throw new AssertionError("response body is not a JSON object (status " + status + "): " + body, e);
            }
            Object value = json.get(field);
            return value == null ? null : value instanceof String s ? s : FakeSlackApi.write(value);
        }
    }
}
