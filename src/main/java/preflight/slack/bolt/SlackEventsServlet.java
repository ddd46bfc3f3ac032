package preflight.slack.bolt;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /slack/events}: Bolt's {@code SlackAppServlet} with the edges made explicit. Bolt
 * parses a request before it checks the signature and answers 500 for anything it cannot
 * parse; here an oversized body is refused with 413 before it is read whole, an unsigned or
 * stale request gets 401 before anything is parsed (or logged), and a signed request that is
 * not a well-formed Slack payload gets 400. What remains goes through Bolt, whose own
 * signature check is off (this one is stricter, and one is enough); only clicks are parsed into Bolt's request by
 * {@link BlockActionRequests}, with a shared Gson instead of Bolt's new one per request.
 */
public class SlackEventsServlet extends HttpServlet {

    /** Slack's largest payloads (a block_actions with a full message) are tens of kilobytes. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    private static final String BODY = SlackEventsServlet.class.getName() + ".body";
    /** Slack ids: users U…/W…, channels C…/G…/D…, teams T…. */
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,32}");
    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    /** Slack's window for a request's timestamp, in either direction. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final App app;
    private final Clock clock;
    private final RequestSignatures signatures;
    private final SlackAppServletAdapter adapter;
    private final BlockActionRequests clicks;

    SlackEventsServlet(App app, String signingSecret, Clock clock) {
        this.app = app;
        this.clock = clock;
        this.signatures = new RequestSignatures(signingSecret);
        this.clicks = new BlockActionRequests(app.config());
        this.adapter = new SlackAppServletAdapter(app.config()) {
            @Override
            protected String doReadRequestBodyAsString(HttpServletRequest req) {
                return (String) req.getAttribute(BODY);
            }
        };
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = readBody(req);
        if (body == null) {
            reply(resp, 413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String timestamp = req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        // Bolt's verifier refuses only timestamps in the past: one stamped an hour ahead would be
        // accepted for an hour, longer than the replay guard remembers it.
        if (timestamp == null || signature == null || !withinSkew(timestamp)
                || !signatures.isValid(timestamp, body, signature)) {
            reply(resp, 401, "invalid request");
            return;
        }
        req.setAttribute(BODY, body);
        Request<?> request;
        try {
            Request<?> click = clicks.parse(body, new RequestHeaders(ServletAdapterOps.toHeaderMap(req)), req.getRemoteAddr());
            request = click != null ? click : adapter.buildSlackRequest(req);
        } catch (RuntimeException malformed) {
            log.info("Refused a malformed request: {}", malformed.getClass().getSimpleName());
            reply(resp, 400, "malformed payload");
            return;
        }
        String problem = request == null ? "not a request type this app handles" : problem(request);
        if (problem != null) {
            log.info("Refused a request: {}", problem);
            reply(resp, 400, problem);
            return;
        }
        try {
            adapter.writeResponse(resp, app.run(request));
        } catch (Exception e) {
            log.error("Failed to handle a request from Slack", e);
            reply(resp, 500, "something went wrong");
        }
    }

    private boolean withinSkew(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp.strip());
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= MAX_SKEW.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** What a listener may rely on; null when the request has it. */
    static String problem(Request<?> request) {
        if (request instanceof SlashCommandRequest command) {
            var payload = command.getPayload();
            if (payload == null || payload.getCommand() == null || payload.getCommand().isBlank()) {
                return "command missing";
            }
            if (!isId(payload.getUserId()) || !isId(payload.getChannelId())) {
                return "user_id or channel_id missing or malformed";
            }
        } else if (request instanceof BlockActionRequest action) {
            var payload = action.getPayload();
            if (payload == null || payload.getUser() == null || !isId(payload.getUser().getId())) {
                return "user missing or malformed";
            }
            if (payload.getActions() == null || payload.getActions().isEmpty()
                    || payload.getActions().stream().anyMatch(a -> a == null || a.getActionId() == null)) {
                return "actions missing";
            }
            if (payload.getChannel() != null && !isId(payload.getChannel().getId())) {
                return "channel malformed";
            }
        }
        return null;
    }

    private static boolean isId(String id) {
        return id != null && SLACK_ID.matcher(id).matches();
    }

    /** @return the body, or null when it is larger than {@link #MAX_BODY_BYTES} */
    private static String readBody(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        if (req.getCharacterEncoding() == null) {
            req.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        var body = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = req.getReader()) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                body.append(buffer, 0, n);
                if (body.length() > MAX_BODY_BYTES) {
                    return null;
                }
            }
        }
        return body.toString();
    }

    private static void reply(HttpServletResponse resp, int status, String error) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write("{\"ok\":false,\"error\":\"" + error.replace("\"", "'") + "\"}");
    }
}
