package preflight.slack.home;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keeping Home tabs current. {@code gather}: a Home marked stale waits this long so that a burst of
 * changes is one views.publish; {@code lease}: how long an instance holds a claimed Home.
 */
@ConfigurationProperties("preflight.home")
record HomeSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500ms") Duration gather,
                    @DefaultValue("30s") Duration lease, @DefaultValue("20") int batchSize) {
}
