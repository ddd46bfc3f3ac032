package preflight.slack.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * preflight.outbox.backlog (messages to post or re-render) and preflight.outbox.oldest.pending.age
 * (seconds since the oldest pending change), from the same reading as the health details, taken
 * at most once a second however often Prometheus scrapes.
 */
@Component
class OutboxGauges {

    private record Reading(Instant at, long backlog, double oldestSeconds) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(Instant.EPOCH, 0, 0));

    OutboxGauges(Outbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("preflight.outbox.backlog", this, gauges -> gauges.read().backlog()).register(registry);
        Gauge.builder("preflight.outbox.oldest.pending.age", this, gauges -> gauges.read().oldestSeconds())
                .baseUnit("seconds").register(registry);
    }

    private Reading read() {
        var reading = last.get();
        var now = clock.instant();
        if (Duration.between(reading.at(), now).toMillis() < 1000) {
            return reading;
        }
        var backlog = outbox.backlog(null);
        double oldest = backlog.oldestPending() == null ? 0 : Math.max(0, Duration.between(backlog.oldestPending(), now).toMillis() / 1000.0);
        var fresh = new Reading(now, backlog.pending() + backlog.stopped(), oldest);
        last.set(fresh);
        return fresh;
    }
}
