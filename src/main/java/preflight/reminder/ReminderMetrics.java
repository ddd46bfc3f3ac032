package preflight.reminder;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** preflight.reminders.sent: on-call reminders (kind final or checkin) and sign-off nudges, once committed. */
@Component
class ReminderMetrics {

    private final MeterRegistry registry;

    ReminderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener
    void on(MonitoringReminderDue due) {
        registry.counter("preflight.reminders.sent", "kind", due.kind().isFinal() ? "final" : "checkin").increment();
    }

    @TransactionalEventListener
    void on(SignoffNudgeDue due) {
        registry.counter("preflight.reminders.sent", "kind", "signoff_nudge").increment();
    }
}
