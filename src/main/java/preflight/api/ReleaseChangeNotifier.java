package preflight.api;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import preflight.deployment.ReleaseEvent;

/**
 * Tells every instance that a release changed: {@code pg_notify} runs in the transaction of the
 * change, so PostgreSQL delivers it at commit (and never for a rolled-back change), and the
 * waiters of every instance re-check that release's verdict.
 */
@Component
class ReleaseChangeNotifier {

    static final String CHANNEL = "preflight_release_changed";

    private final JdbcClient jdbc;

    ReleaseChangeNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ReleaseEvent event) {
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, Long.toString(event.releaseId())).query().singleRow();
    }
}
