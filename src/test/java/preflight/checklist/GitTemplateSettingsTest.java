package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class GitTemplateSettingsTest {

    @Test
    void environmentVariablesOfTheReadmeBind() {
        var settings = binder(Map.of(
                "PREFLIGHT_TEMPLATES_GIT", "https://github.com/acme/api.git#main:deploy/,file:///srv/t.git",
                "PREFLIGHT_TEMPLATES_GIT_TOKEN", "ghp_secret",
                "PREFLIGHT_TEMPLATES_GIT_SSH_KEY", "/etc/preflight/id_ed25519",
                "PREFLIGHT_TEMPLATES_GIT_REFRESH", "5m"))
                .bindOrCreate("preflight", GitTemplateSettings.class);

        assertThat(GitSourceSpec.parseAll(settings.templatesGit())).hasSize(2);
        assertThat(settings.templatesGitToken()).isEqualTo("ghp_secret");
        assertThat(settings.templatesGitSshKey()).isEqualTo(Path.of("/etc/preflight/id_ed25519"));
        assertThat(settings.templatesGitRefresh()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.toString()).doesNotContain("ghp_secret");
    }

    @Test
    void refreshDefaultsToOneMinute() {
        assertThat(binder(Map.of()).bindOrCreate("preflight", GitTemplateSettings.class).templatesGitRefresh())
                .isEqualTo(Duration.ofMinutes(1));
    }

    private static Binder binder(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    }
}
