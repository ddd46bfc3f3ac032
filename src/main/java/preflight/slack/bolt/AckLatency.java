package preflight.slack.bolt;

import java.util.Locale;

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

    AckLatency(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        var sample = Timer.start(registry);
        try {
            return chain.next(req);
        } finally {
            sample.stop(Timer.builder("preflight.slack.ack")
                    .tag("kind", req.getRequestType() == null ? "unknown" : req.getRequestType().name().toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
