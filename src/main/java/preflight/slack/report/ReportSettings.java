package preflight.slack.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Uploads of release reports. {@code lease}: how long an instance holds a claimed upload before
 * another may take it over (longer than an upload takes; a crashed instance's claim runs out).
 */
@ConfigurationProperties("preflight.report")
record ReportSettings(@DefaultValue("2s") Duration pollInterval, @DefaultValue("2m") Duration lease,
                      @DefaultValue("5m") Duration maxBackoff) {
}
