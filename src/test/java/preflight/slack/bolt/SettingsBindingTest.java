package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import preflight.slack.outbox.MessageSyncSettings;
import preflight.system.MissingSetting;

/** The environment variable names of the design's table bind to the settings records. */
class SettingsBindingTest {

    @Test
    void slackVariablesBind() {
        var binder = binder(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "secret",
                "SLACK_API_URL", "http://localhost:9/api", "PREFLIGHT_SLACK_MIN_UPDATE_INTERVAL", "5s"));

        var slack = binder.bind("slack", SlackSettings.class).get();
        var sync = binder.bindOrCreate("preflight.slack", MessageSyncSettings.class);

        assertThat(slack.botToken()).isEqualTo("xoxb-1");
        assertThat(slack.apiUrl()).isEqualTo("http://localhost:9/api/");
        assertThat(slack.socketMode()).isFalse();
        assertThat(slack.toString()).doesNotContain("xoxb-1", "secret");
        assertThat(sync.minUpdateInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anAppTokenMeansSocketModeAndNoSigningSecretIsNeeded() {
        var slack = binder(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"))
                .bind("slack", SlackSettings.class).get();

        assertThat(slack.socketMode()).isTrue();
    }

    @Test
    void aMissingBotTokenNamesTheVariable() {
        assertThatThrownBy(() -> binder(Map.of("SLACK_SIGNING_SECRET", "s")).bindOrCreate("slack", SlackSettings.class))
                .isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(MissingSetting.class).hasMessageContaining("SLACK_BOT_TOKEN");
    }

    static Binder binder(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
    }
}
