package preflight.slack.bolt;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * preflight.slack.ack: how long Bolt's listeners took to answer each kind of request (command,
 * action, view_submission, event…), as a histogram. Measured inside Bolt, after the signature and
 * replay checks, so refused requests do not count.
 */
@Component
class AckLatency implements Middleware {

    private final MeterRegistry registry;
    /** One timer per request kind, built once: registering looks the meter up by name and tags. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    AckLatency(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        var sample = Timer.start(registry);
        try {
            return chain.next(req);
        } finally {
            String kind = req.getRequestType() == null ? "unknown" : req.getRequestType().name().toLowerCase(Locale.ROOT);
            sample.stop(timers.computeIfAbsent(kind, k -> Timer.builder("preflight.slack.ack")
                    .tag("kind", k)
                    .publishPercentileHistogram()
                    .register(registry)));
        }
    }
}
