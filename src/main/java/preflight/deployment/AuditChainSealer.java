package preflight.deployment;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.system.PollingWorker;

/**
 * Chains audit events shortly after they commit (the SQL function {@code seal_release_events}),
 * rather than inside the transaction that writes them, so the events of one busy release never
 * wait for each other's commit. Woken after every release change; events written without one
 * (reminders, nudges) are sealed at the next poll.
 */
@Component
class AuditChainSealer extends PollingWorker {

    private static final int RELEASES_PER_ROUND = 100;

    private final AuditTrail audit;
    private final JdbcClient jdbc;

    AuditChainSealer(AuditTrail audit, JdbcClient jdbc) {
        super("audit-chain-sealer");
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener
    void on(ReleaseEvent event) {
        wakeUp();
    }

    @Override
    protected Duration pollInterval() {
        return Duration.ofSeconds(2);
    }

    /** A busy release is sealed a few times a second, each time many events in one transaction. */
    @Override
    protected Duration gathering() {
        return Duration.ofMillis(200);
    }

    @Override
    protected boolean round() {
        var releases = jdbc.sql("SELECT DISTINCT deployment_id FROM deployment_event WHERE hash IS NULL LIMIT ?")
                .param(RELEASES_PER_ROUND)
                .query(Long.class)
                .list();
        releases.forEach(audit::seal);
        return releases.size() == RELEASES_PER_ROUND;
    }
}
