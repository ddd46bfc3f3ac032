package preflight.slack.bolt;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * preflight.outbox.backlog (messages to post or re-render) and preflight.outbox.oldest.pending.age
 * (seconds since the oldest of them was due), from the outbox table in one query, read at most
 * once a second however often it is scraped.
 */
@Component
class OutboxGauges {

    private record Reading(Instant at, long backlog, double oldestSeconds) {
    }

    private final JdbcClient jdbc;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(Instant.EPOCH, 0, 0));

    OutboxGauges(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("preflight.outbox.backlog", this, gauges -> gauges.read().backlog()).register(registry);
        Gauge.builder("preflight.outbox.oldest.pending.age", this, gauges -> gauges.read().oldestSeconds())
                .baseUnit("seconds").register(registry);
    }

    private Reading read() {
        var reading = last.get();
        var now = Instant.now();
        if (Duration.between(reading.at(), now).toMillis() < 1000) {
            return reading;
        }
        var fresh = jdbc.sql("""
                        SELECT count(*) AS backlog,
                               coalesce(extract(epoch FROM now() - min(not_before)), 0) AS oldest
                          FROM message_view WHERE ts IS NULL OR rendered_rev < wanted_rev""")
                .query((rs, n) -> new Reading(now, rs.getLong("backlog"), Math.max(0, rs.getDouble("oldest"))))
                .single();
        last.set(fresh);
        return fresh;
    }
}
