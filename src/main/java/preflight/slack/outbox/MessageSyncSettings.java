package preflight.slack.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Slack messages follow the database. {@code minUpdateInterval} coalesces bursts of ticks
 * into one chat.update per message and keeps a busy release within Slack's Tier-3 budget;
 * {@code gatherDelay} lets the worker, woken by every committed change, gather a burst of them
 * into one round instead of asking the database once per click. A failed call is retried after
 * {@code firstBackoff}, doubling up to {@code maxBackoff}, for as long as it takes.
 * {@code shutdownGrace} is how long a stopping instance lets calls in flight finish before it
 * abandons them and hands their messages to another instance.
 */
@ConfigurationProperties("preflight.slack")
public record MessageSyncSettings(@DefaultValue("3s") Duration minUpdateInterval,
                                  @DefaultValue("500ms") Duration pollInterval,
                                  @DefaultValue("100ms") Duration gatherDelay,
                                  @DefaultValue("30s") Duration lease,
                                  @DefaultValue("10") int batchSize,
                                  @DefaultValue("2s") Duration firstBackoff,
                                  @DefaultValue("5m") Duration maxBackoff,
                                  @DefaultValue("5s") Duration shutdownGrace) {

    Duration backoff(int attempts) {
        long millis = firstBackoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(Math.max(millis, 0), maxBackoff.toMillis()));
    }
}
