package preflight.slack.bolt;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.util.json.GsonFactory;

/**
 * Builds Bolt's {@link BlockActionRequest} (every checkbox and button click) with one shared Gson.
 * Bolt's own constructor parses each payload with a brand-new Gson, which builds its reflective
 * adapters for the whole payload class graph again on every click (bench/README.md says what that
 * cost). The context is filled in as Bolt's parser does it
 * (ids, trigger, response URL, bot token, client address). Other request types are left to Bolt.
 */
final class BlockActionRequests {

    /** Gson is thread-safe and caches its adapters; this is the configuration Bolt uses. */
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final AppConfig config;
    private final JsonPayloadExtractor payloads = new JsonPayloadExtractor();

    BlockActionRequests(AppConfig config) {
        this.config = config;
    }

    /**
     * @return the click as Bolt's request, or null when the body is not a {@code block_actions}
     * payload (Bolt's parser then handles it)
     * @throws JsonParseException when the payload is not well-formed
     */
    BlockActionRequest parse(String body, RequestHeaders headers, String remoteAddress) {
        if (!body.startsWith("payload=")) { // how Slack sends every interaction; a slash command is left alone
            return null;
        }
        String payload = payloads.extractIfExists(body);
        if (payload == null || payload.isEmpty() || payload.charAt(0) != '{') {
            return null;
        }
        JsonObject json = GSON.fromJson(payload, JsonElement.class).getAsJsonObject();
        var type = json.get("type");
        if (type == null || !type.isJsonPrimitive() || !BlockActionPayload.TYPE.equals(type.getAsString())) {
            return null;
        }
        var request = new Parsed(body, GSON.fromJson(json, BlockActionPayload.class), headers);
        request.updateContext(config);
        String forwardedFor = headers.getFirstValue("X-FORWARDED-FOR");
        request.setClientIpAddress(forwardedFor != null ? forwardedFor : remoteAddress);
        return request;
    }

    /** Bolt's request, given a payload already parsed; the context is filled in as Bolt's constructor does. */
    private static final class Parsed extends BlockActionRequest {

        private final BlockActionPayload payload;

        Parsed(String body, BlockActionPayload payload, RequestHeaders headers) {
            super(body, null, headers); // a null payload body is not parsed
            this.payload = payload;
            var context = getContext();
            context.setFunctionBotAccessToken(payload.getBotAccessToken());
            context.setResponseUrl(payload.getResponseUrl());
            context.setTriggerId(payload.getTriggerId());
            if (payload.getTriggerId() == null && payload.getInteractivity() != null
                    && payload.getInteractivity().getInteractivityPointer() != null) {
                context.setTriggerId(payload.getInteractivity().getInteractivityPointer());
            }
            if (payload.getEnterprise() != null) {
                context.setEnterpriseId(payload.getEnterprise().getId());
            } else if (payload.getTeam() != null) {
                context.setEnterpriseId(payload.getTeam().getEnterpriseId());
            }
            if (payload.getTeam() != null && payload.getTeam().getId() != null) {
                context.setTeamId(payload.getTeam().getId());
            } else if (payload.getUser() != null && payload.getUser().getTeamId() != null) {
                context.setTeamId(payload.getUser().getTeamId());
            }
            if (payload.getUser() != null) { // Bolt would fail here; SlackEventsServlet answers 400 instead
                context.setRequestUserId(payload.getUser().getId());
            }
            if (payload.getFunctionData() != null) {
                context.setFunctionExecutionId(payload.getFunctionData().getExecutionId());
            }
        }

        @Override
        public BlockActionPayload getPayload() {
            return payload;
        }
    }
}
