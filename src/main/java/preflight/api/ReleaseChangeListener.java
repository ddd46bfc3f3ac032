package preflight.api;

import java.sql.SQLException;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one connection of this instance that LISTENs for release changes (from any instance) and
 * hands each changed release id to the verdict waiters. After a lost connection it reconnects
 * and has every waiter re-check, since notifications sent meanwhile are gone.
 */
@Component
class ReleaseChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReleaseChangeListener.class);
    private static final int POLL_MILLIS = 5_000;

    private final DataSource dataSource;
    private final VerdictWaiters waiters;
    private volatile boolean running;

    ReleaseChangeListener(DataSource dataSource, VerdictWaiters waiters) {
        this.dataSource = dataSource;
        this.waiters = waiters;
    }

    @Override
    public void start() {
        running = true;
        // A platform thread: it spends its life blocked in the driver's socket read.
        Thread.ofPlatform().daemon().name("release-change-listener").start(this::listen);
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (var listening = dataSource.getConnection()) {
                try (var statement = listening.createStatement()) {
                    statement.execute("LISTEN " + ReleaseChangeNotifier.CHANNEL);
                }
                if (reconnected) {
                    waiters.recheckAll();
                }
                reconnected = true;
                var pg = listening.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (var notification : notifications) {
                            parse(notification.getParameter(), waiters::changed);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the connection listening for release changes ({}); reconnecting", e.toString());
                    pause();
                }
            }
        }
    }

    private static void parse(String payload, LongConsumer changed) {
        try {
            changed.accept(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            log.warn("Ignoring a release-change notification that is not a release id: {}", payload);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        // the loop ends at its next poll, or when the pool closes the connection under it
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
