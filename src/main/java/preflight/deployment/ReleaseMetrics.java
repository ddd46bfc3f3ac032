package preflight.deployment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * preflight.releases.started / .shipped / .completed / .rolled.back / .aborted, tagged with
 * template and environment; counted once the change committed. A start says both, the later
 * changes are read for them.
 */
@Component
class ReleaseMetrics {

    private final MeterRegistry registry;
    private final JdbcClient jdbc;

    ReleaseMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener
    void on(ReleaseStarted started) {
        counter("started", started.templateName(), started.environment()).increment();
    }

    @TransactionalEventListener
    void on(ReleaseShipped shipped) {
        count(shipped.releaseId(), "shipped");
    }

    @TransactionalEventListener
    void on(ReleaseClosed closed) {
        count(closed.releaseId(), switch (closed.status()) {
            case COMPLETED -> "completed";
            case ROLLED_BACK -> "rolled.back";
            default -> "aborted";
        });
    }

    /** Reads the two tags only: the whole release (its template snapshot) is not needed to count it. */
    private void count(long releaseId, String what) {
        jdbc.sql("SELECT template_name, environment FROM deployment WHERE id = ?")
                .param(releaseId)
                .query((rs, n) -> counter(what, rs.getString("template_name"), rs.getString("environment")))
                .optional()
                .ifPresent(Counter::increment);
    }

    private Counter counter(String what, String template, String environment) {
        return Counter.builder("preflight.releases." + what)
                .tag("template", template)
                .tag("environment", environment)
                .register(registry);
    }
}
