package preflight.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class MonitoringSettingsTest {

    @Test
    void theWindowDefaultsToADayAndSnoozeToTwoHours() {
        var settings = binder(Map.of()).bindOrCreate("preflight", MonitoringSettings.class);

        assertThat(settings.monitoringWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.snooze()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void preflightMonitoringWindowAcceptsShortAndIsoForms() {
        assertThat(binder(Map.of("PREFLIGHT_MONITORING_WINDOW", "90m")).bindOrCreate("preflight", MonitoringSettings.class)
                .monitoringWindow()).isEqualTo(Duration.ofMinutes(90));
        assertThat(binder(Map.of("PREFLIGHT_MONITORING_WINDOW", "PT12H", "PREFLIGHT_SNOOZE", "30m"))
                .bindOrCreate("preflight", MonitoringSettings.class))
                .isEqualTo(new MonitoringSettings(Duration.ofHours(12), Duration.ofMinutes(30), Duration.ofMinutes(1)));
    }

    @Test
    void signoffNudgesBindFromTheirVariables() {
        var settings = binder(Map.of("PREFLIGHT_SIGNOFF_NUDGE_AFTER", "30m", "PREFLIGHT_SIGNOFF_NUDGE_INTERVAL", "1h"))
                .bindOrCreate("preflight.signoff-nudge", SignoffNudgeSettings.class);

        assertThat(settings).isEqualTo(new SignoffNudgeSettings(Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofMinutes(5)));
    }

    private static Binder binder(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    }
}
