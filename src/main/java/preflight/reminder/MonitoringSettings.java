package preflight.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PREFLIGHT_MONITORING_WINDOW: from "shipped" to the on-call nudge (a template's
 * {@code monitoring.window} overrides it); PREFLIGHT_SNOOZE: how long "Snooze" waits;
 * PREFLIGHT_REMINDER_RETRY: how long a reminder whose fire failed (a database blip) waits before
 * it is tried again.
 */
@ConfigurationProperties("preflight")
record MonitoringSettings(@DefaultValue("24h") Duration monitoringWindow, @DefaultValue("2h") Duration snooze,
                          @DefaultValue("1m") Duration reminderRetry) {
}
