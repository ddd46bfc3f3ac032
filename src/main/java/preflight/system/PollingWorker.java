package preflight.system;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background loop over work stored in the database: it runs a round at every poll interval, or
 * sooner when woken (after a commit that queued work). The work itself is claimed in the database,
 * so any number of instances may run the same worker.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);

    private final String name;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    protected PollingWorker(String name) {
        this.name = name;
    }

    protected abstract Duration pollInterval();

    /**
     * How long a woken worker waits before its round, so that the work of many commits is done in
     * one round rather than a round each.
     */
    protected Duration gathering() {
        return Duration.ZERO;
    }

    /** One round of work. @return true when there may be more to do at once */
    protected abstract boolean round();

    public void wakeUp() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            boolean more;
            try {
                more = round();
            } catch (RuntimeException e) {
                log.warn("{}: a round failed, trying again later: {}", name, e.toString());
                more = false;
            }
            if (!more) {
                try {
                    if (wake.tryAcquire(pollInterval().toMillis(), TimeUnit.MILLISECONDS) && !gathering().isZero()) {
                        Thread.sleep(gathering());
                    }
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
