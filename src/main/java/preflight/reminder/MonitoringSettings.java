package preflight.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PREFLIGHT_MONITORING_WINDOW: from "shipped" to the on-call nudge (a template's
 * {@code monitoring.window} overrides it); PREFLIGHT_SNOOZE: how long "Snooze" waits.
 */
@ConfigurationProperties("preflight")
record MonitoringSettings(@DefaultValue("24h") Duration monitoringWindow, @DefaultValue("2h") Duration snooze) {
}
