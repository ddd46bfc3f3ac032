package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ProbeSettingsTest {

    private static ProbeSettings bind(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("preflight.probe", ProbeSettings.class);
    }

    @Test
    void defaults() {
        ProbeSettings settings = bind(Map.of());

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.allowedHosts()).isEmpty();
        assertThat(settings.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(settings.maxConcurrency()).isEqualTo(16);
        assertThat(settings.allowPrivate()).isFalse();
    }

    @Test
    void bindsFromEnvironmentVariables() {
        ProbeSettings settings = bind(Map.of(
                "PREFLIGHT_PROBE_ALLOWED_HOSTS", "API.example.com, *.internal.example.com",
                "PREFLIGHT_PROBE_TIMEOUT", "2s",
                "PREFLIGHT_PROBE_MAX_BODY_BYTES", "1024",
                "PREFLIGHT_PROBE_MAX_CONCURRENCY", "4",
                "PREFLIGHT_PROBE_ALLOW_PRIVATE", "true"));

        assertThat(settings.allowedHosts()).containsExactly("api.example.com", "*.internal.example.com");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxBodyBytes()).isEqualTo(1024);
        assertThat(settings.maxConcurrency()).isEqualTo(4);
        assertThat(settings.allowPrivate()).isTrue();
    }
}
