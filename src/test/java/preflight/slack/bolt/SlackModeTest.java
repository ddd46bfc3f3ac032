package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.junit.jupiter.api.Test;

/**
 * HTTP mode or Socket Mode is chosen from SLACK_APP_TOKEN when the bot starts, not by bean
 * conditions: an AOT-built jar has both beans, so the choice must be made by them.
 */
class SlackModeTest {

    private final BoltConfiguration configuration = new BoltConfiguration();
    private final App app = new App(AppConfig.builder().singleTeamBotToken(null).signingSecret("secret").build());

    @Test
    void withoutAnAppTokenSlackEventsAreServedAndSocketModeStaysOff() throws Exception {
        var settings = settings(null);
        var context = mock(ServletContext.class);
        var registration = mock(ServletRegistration.Dynamic.class);
        given(context.addServlet(eq("slackEvents"), any(Servlet.class))).willReturn(registration);

        configuration.slackEvents(app, settings, Clock.systemUTC()).onStartup(context);

        then(context).should().addServlet(eq("slackEvents"), any(SlackEventsServlet.class));
        then(registration).should().addMapping("/slack/events");
        assertThat(configuration.socketModeRunner(app, settings).isAutoStartup()).isFalse();
    }

    @Test
    void withAnAppTokenNothingIsServedAndSocketModeStarts() throws Exception {
        var settings = settings("xapp-1");
        var context = mock(ServletContext.class);

        configuration.slackEvents(app, settings, Clock.systemUTC()).onStartup(context);

        verifyNoInteractions(context);
        assertThat(configuration.socketModeRunner(app, settings).isAutoStartup()).isTrue();
    }

    private static SlackSettings settings(String appToken) {
        return new SlackSettings("xoxb-1", appToken == null ? "secret" : null, appToken, "http://127.0.0.1:9/api/",
                Duration.ofSeconds(10));
    }
}
