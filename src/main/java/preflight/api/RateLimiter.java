package preflight.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per API token, on this instance: a runaway pipeline loop is slowed down
 * before it loads the database. Behind a load balancer each instance counts on its own.
 */
@Component
class RateLimiter {

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final ApiSettings settings;
    private final Clock clock;

    RateLimiter(ApiSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @return empty when the request may go ahead, else how long to wait */
    java.util.Optional<Duration> acquire(long tokenId) {
        long now = clock.millis();
        var bucket = buckets.computeIfAbsent(tokenId, id -> new Bucket(settings.requestsPerMinute(), now));
        return bucket.take(now, settings.requestsPerMinute());
    }

    private static final class Bucket {

        private double available;
        private long at;

        Bucket(int capacity, long now) {
            this.available = capacity;
            this.at = now;
        }

        synchronized java.util.Optional<Duration> take(long now, int perMinute) {
            double perMilli = perMinute / 60_000.0;
            available = Math.min(perMinute, available + (now - at) * perMilli);
            at = now;
            if (available >= 1) {
                available -= 1;
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Duration.ofMillis((long) Math.ceil((1 - available) / perMilli)));
        }
    }
}
