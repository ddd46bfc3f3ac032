package preflight.slack.bolt;

import java.io.IOException;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.json.GsonFactory;

import okhttp3.FormBody;

/**
 * chat.postMessage and chat.update, the calls that keep release threads in step. They go out as
 * the SDK's {@code MethodsClient} sends them (same form, token, timeouts and response listeners,
 * {@link SlackApiException} for an HTTP error) but every answer is read with one Gson: the SDK
 * builds a new Gson for each answer it parses, and its reflective set-up of the response classes
 * cost more than the rest of a post together.
 */
public class SlackChat {

    private final Slack slack;
    private final String token;
    private final Gson gson;

    SlackChat(Slack slack, String token) {
        this.slack = slack;
        this.token = token;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    public ChatPostMessageResponse post(ChatPostMessageRequest request) throws IOException, SlackApiException {
        return call(RequestFormBuilder.toForm(request), Methods.CHAT_POST_MESSAGE, ChatPostMessageResponse.class);
    }

    public ChatUpdateResponse update(ChatUpdateRequest request) throws IOException, SlackApiException {
        return call(RequestFormBuilder.toForm(request), Methods.CHAT_UPDATE, ChatUpdateResponse.class);
    }

    private <T extends SlackApiTextResponse> T call(FormBody.Builder form, String method, Class<T> type)
            throws IOException, SlackApiException {
        var http = slack.getHttpClient();
        try (var response = http.postFormWithBearerHeader(slack.getConfig().getMethodsEndpointUrlPrefix() + method,
                token, form.build())) {
            String body = response.body().string();
            http.runHttpResponseListeners(response, body);
            if (!response.isSuccessful()) {
                throw new SlackApiException(slack.getConfig(), response, body);
            }
            return gson.fromJson(body, type);
        }
    }
}
