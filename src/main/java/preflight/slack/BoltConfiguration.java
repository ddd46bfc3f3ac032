package preflight.slack;

import java.util.List;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.methods.MethodsClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BoltConfiguration {

    @Bean
    Slack slack(SlackSettings settings) {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // Our own outbox retries failed calls from the database; the SDK must not log tokens.
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    MethodsClient slackMethods(Slack slack, SlackSettings settings) {
        return slack.methods(settings.botToken());
    }

    @Bean
    App boltApp(Slack slack, SlackSettings settings, List<SlackListener> listeners) {
        var config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .build();
        var app = new App(config);
        listeners.forEach(listener -> listener.register(app));
        return app;
    }

    @Bean
    @ConditionalOnExpression("'${slack.app-token:}'.isBlank()")
    ServletRegistrationBean<SlackAppServlet> slackEvents(App app) {
        return new ServletRegistrationBean<>(new SlackAppServlet(app), "/slack/events");
    }

    @Bean
    @ConditionalOnExpression("!'${slack.app-token:}'.isBlank()")
    SocketModeRunner socketModeRunner(App app, SlackSettings settings) {
        return new SocketModeRunner(app, settings);
    }
}
