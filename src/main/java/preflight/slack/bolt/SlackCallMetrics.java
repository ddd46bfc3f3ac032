package preflight.slack.bolt;

import java.util.regex.Pattern;

import com.slack.api.util.http.listener.HttpResponseListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * preflight.slack.api.calls (by method) and preflight.slack.api.errors (by method and Slack's
 * error), from every Web API answer the SDK receives. A call that got no answer (a timeout) is not
 * an answer and is not counted here.
 */
class SlackCallMetrics extends HttpResponseListener {

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");
    private static final Pattern OK = Pattern.compile("^\\s*\\{\\s*\"ok\"\\s*:\\s*true");

    private final MeterRegistry registry;

    SlackCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(State state) {
        var response = state.getResponse();
        if (response == null) {
            return;
        }
        String path = response.request().url().encodedPath();
        int api = path.lastIndexOf("/api/");
        // anything else the SDK posts to is a response_url
        String method = api >= 0 ? path.substring(api + 5) : "response_url";
        registry.counter("preflight.slack.api.calls", "method", method).increment();
        String body = state.getParsedResponseBody();
        boolean ok = response.isSuccessful() && (api < 0 || (body != null && OK.matcher(body).find()));
        if (!ok) {
            var error = body == null ? null : ERROR.matcher(body);
            String name = error != null && error.find() ? error.group(1) : "http_" + response.code();
            registry.counter("preflight.slack.api.errors", "method", method, "error", name).increment();
        }
    }
}
