package preflight.slack.bolt;

import java.time.Clock;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
class BoltConfiguration {

    private static final String SLACK_EVENTS = "/slack/events";

    @Bean
    Slack slack(SlackSettings settings, MeterRegistry registry) {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // Our own outbox retries failed calls from the database; the SDK must not log tokens.
        config.setPrettyResponseLoggingEnabled(false);
        // A Slack that hangs must not hold the message-sync worker for long (SLACK_HTTP_TIMEOUT).
        int timeoutMillis = Math.toIntExact(settings.httpTimeout().toMillis());
        config.setHttpClientReadTimeoutMillis(timeoutMillis);
        config.setHttpClientWriteTimeoutMillis(timeoutMillis);
        config.setHttpClientCallTimeoutMillis(timeoutMillis);
        config.getHttpClientResponseHandlers().add(new SlackCallMetrics(registry));
        return Slack.getInstance(config);
    }

    @Bean
    MethodsClient slackMethods(Slack slack, SlackSettings settings) {
        return slack.methods(settings.botToken());
    }

    @Bean
    SlackChat slackChat(Slack slack, SlackSettings settings) {
        return new SlackChat(slack, settings.botToken());
    }

    @Bean
    App boltApp(Slack slack, SlackSettings settings, List<SlackListener> listeners, ReplayGuard replayGuard,
                AckLatency ackLatency) {
        // No bot token here (Bolt would read SLACK_BOT_TOKEN by itself): given one, Bolt checks it
        // with auth.test as the App is built and refuses to start while Slack is unreachable.
        // Preflight calls Slack through its own MethodsClient, which has the token, and its
        // listeners need nothing from Bolt's authorisation.
        var config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(null)
                .signingSecret(settings.signingSecret())
                // SlackEventsServlet checks every signature and timestamp before Bolt sees the request
                .requestVerificationEnabled(false)
                .build();
        var app = new App(config);
        app.use(replayGuard); // only signed, fresh requests reach Bolt (SlackEventsServlet)
        app.use(ackLatency);
        listeners.forEach(listener -> listener.register(app));
        return app;
    }

    /** Slack's requests are timed once, by kind, by {@link AckLatency}: not again as {@code http.server.requests}. */
    @Bean
    ObservationPredicate slackRequestsTimedOnce() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && SLACK_EVENTS.equals(server.getCarrier().getRequestURI()));
    }

    /**
     * HTTP mode serves {@code /slack/events}; in Socket Mode nothing is served there. Decided when
     * the servlet context starts rather than by a bean condition, because Spring AOT fixes
     * conditions when the jar is built and {@code SLACK_APP_TOKEN} is set where it runs.
     */
    @Bean
    ServletContextInitializer slackEvents(App app, SlackSettings settings, Clock clock) {
        return servletContext -> {
            if (!settings.socketMode()) {
                var registration = servletContext.addServlet("slackEvents",
                        new SlackEventsServlet(app, settings.signingSecret(), clock));
                registration.addMapping(SLACK_EVENTS);
                registration.setAsyncSupported(true);
            }
        };
    }

    /** Starts only in Socket Mode (see {@link SocketModeRunner#isAutoStartup()}). */
    @Bean
    SocketModeRunner socketModeRunner(App app, SlackSettings settings) {
        return new SocketModeRunner(app, settings);
    }
}
