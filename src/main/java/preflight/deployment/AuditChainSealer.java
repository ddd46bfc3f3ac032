package preflight.deployment;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import preflight.system.PollingWorker;

/**
 * Chains audit events shortly after they commit (the SQL function {@code seal_audit_events}),
 * rather than inside the transaction that writes them, so the events of one busy release never
 * wait for each other's commit. Woken after every release change; events written without one
 * (reminders, nudges) are sealed at the next poll.
 */
@Component
class AuditChainSealer extends PollingWorker {

    private final AuditTrail audit;

    AuditChainSealer(AuditTrail audit) {
        super("audit-chain-sealer");
        this.audit = audit;
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
        audit.seal();
        return false;
    }
}
