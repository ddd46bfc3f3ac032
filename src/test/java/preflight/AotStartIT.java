package preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import preflight.testing.AppProcess;
import preflight.testing.AppProcessResources;
import preflight.testing.FakeSlackApi;
import preflight.testing.SlackMatchesDatabase;
import preflight.testing.SlackRequests;

/**
 * Preflight started as bin/preflight and the image start it, with the bean definitions Spring AOT
 * generated when the jar was built (so this runs after {@code package}, under Failsafe): it serves
 * Slack's requests in HTTP mode, stores a release and posts its thread.
 */
class AotStartIT {

    private static final String SCHEMA = "aot_start";
    private static final String SIGNING_SECRET = "signing-aot-start";
    @RegisterExtension
    static final AppProcessResources resources = new AppProcessResources(SCHEMA);
    private static final FakeSlackApi slack = resources.slack();

    @Test
    void startsFromTheBuildTimeBeanDefinitionsAndServesSlack() {
        var env = new HashMap<>(AppProcess.environment(SCHEMA, slack, "xoxb-aot-start", SIGNING_SECRET));
        env.put("JAVA_TOOL_OPTIONS", "-Dspring.aot.enabled=true");
        var jdbc = AppProcess.jdbc(SCHEMA);
        try (var app = AppProcess.start("aot-start", env, List.of()).awaitReady(Duration.ofSeconds(90))) {
            assertThat(app.output()).contains("Starting AOT-processed PreflightApplication");
            var requests = new SlackRequests(app.baseUrl(), SIGNING_SECRET, slack);

            assertThat(requests.command("C0AOT", "U0ALICE", "alice", "start v1.0").status()).isEqualTo(200);

            SlackMatchesDatabase.awaitNothingPending(jdbc, Duration.ofSeconds(60));
            assertThat(slack.messages("C0AOT")).anySatisfy(m -> assertThat(m.text()).contains("v1.0"));
            app.stop();
        }
    }
}
