package preflight.deployment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * preflight.releases.started / .shipped / .completed / .rolled.back / .aborted, tagged with
 * template and environment; counted once the change committed.
 */
@Component
class ReleaseMetrics {

    private final MeterRegistry registry;
    private final ReleaseRepository releases;

    ReleaseMetrics(MeterRegistry registry, ReleaseRepository releases) {
        this.registry = registry;
        this.releases = releases;
    }

    @TransactionalEventListener
    void on(ReleaseStarted started) {
        count(started.releaseId(), "started");
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

    private void count(long releaseId, String what) {
        releases.findById(releaseId).ifPresent(release -> Counter.builder("preflight.releases." + what)
                .tag("template", release.templateName())
                .tag("environment", release.environment())
                .register(registry)
                .increment());
    }
}
