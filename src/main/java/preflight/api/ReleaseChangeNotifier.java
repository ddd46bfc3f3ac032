package preflight.api;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.deployment.ReleaseEvent;
import preflight.system.PollingWorker;

/**
 * Tells every instance that a release changed, so their waiters re-check its verdict. The
 * {@code pg_notify} goes out after the change committed, from this one worker, a round at a time:
 * PostgreSQL serialises the commits of all transactions that notify, so a notify inside every
 * tick's transaction made all ticks queue behind each other's WAL flush (bench/README.md).
 */
@Component
class ReleaseChangeNotifier extends PollingWorker {

    static final String CHANNEL = "preflight_release_changed";

    private final JdbcClient jdbc;
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    ReleaseChangeNotifier(JdbcClient jdbc) {
        super("release-change-notifier");
        this.jdbc = jdbc;
    }

    @TransactionalEventListener
    void on(ReleaseEvent event) {
        changed.add(event.releaseId());
        wakeUp();
    }

    @Override
    protected Duration pollInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    protected boolean round() {
        if (changed.isEmpty()) {
            return false;
        }
        var ids = changed.stream().toList();
        changed.removeAll(ids);
        jdbc.sql("SELECT pg_notify(?, id::text) FROM unnest(?::bigint[]) AS id")
                .params(CHANNEL, ids.toArray(Long[]::new))
                .query().listOfRows();
        return false;
    }
}
