package preflight.testing;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import preflight.checklist.TemplateCatalogue;

/**
 * Shared plumbing for tests that drive the running app the way Slack does. The fake Slack
 * server is started once per JVM and its URL handed to the app as {@code SLACK_API_URL}; the
 * database is the real PostgreSQL ({@code preflight_test} unless SPRING_DATASOURCE_URL is set).
 * All subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:postgresql://localhost:5432/preflight_test}",
        "slack.bot-token=xoxb-test-bot-token",
        "slack.signing-secret=" + SlackAppFixture.SIGNING_SECRET,
        "preflight.slack.min-update-interval=300ms",
        "preflight.slack.poll-interval=50ms",
        // Quartz looks for new triggers every second and treats a trigger one second late as
        // misfired, so reminder tests run in seconds.
        "spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000",
        "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
        // a Slack answering too slowly is given up after 2 s (fault tests), not the default 10 s
        "slack.http-timeout=2s",
        // probe targets in tests are local servers on 127.0.0.1 (PrivateAddressTest proves the refusal without this)
        "preflight.probe.allow-private=true",
        // PREFLIGHT_ADMINS: one user and one user group administer every channel's rules
        "preflight.admins=" + SlackAppFixture.ADMIN + "," + SlackAppFixture.ADMIN_GROUP,
        // low enough that a test reaches it in a few hundred requests
        "preflight.api.requests-per-minute=300",
})
public abstract class SlackAppFixture {

    public static final String SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
    /** Named in PREFLIGHT_ADMINS. */
    public static final String ADMIN = "U0ENVADMIN";
    /** A user group named in PREFLIGHT_ADMINS; who is in it is up to each test. */
    public static final String ADMIN_GROUP = "S0ADMINS";
    protected static final FakeSlackApi slack = FakeSlackApi.start();

    @DynamicPropertySource
    public static void slackApiUrl(DynamicPropertyRegistry registry) {
        registry.add("slack.api-url", slack::apiUrl);
        registry.add("preflight.templates-dir", SharedChecklists::asTemplatesDir);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TemplateCatalogue templates;

    protected SlackRequests requests;

    /** A fresh channel per test, so that messages still in flight from another test never mix in. */
    protected String channel;

    @BeforeEach
    public void resetWorld() {
        // Every table of the app, whatever later migrations add; Flyway's history stays, and so
        // does the audit seal's horizon, a row the migration writes once.
        var tables = jdbc.sql("""
                SELECT string_agg(quote_ident(table_name), ', ') FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                   AND table_name NOT IN ('flyway_schema_history', 'audit_seal_horizon')
                   AND table_name NOT LIKE 'qrtz\\_%'""")
                .query(String.class).single();
        truncate(tables);
        slack.reset();
        requests = new SlackRequests("http://localhost:" + port, SIGNING_SECRET, slack);
        channel = "C" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** The message-sync worker of the shared context may hold locks on some of these: retry a deadlock. */
    private void truncate(String tables) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql("TRUNCATE " + tables + " CASCADE").update();
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
            }
        }
    }

    /** The release thread once the card and every checklist message are posted. */
    protected List<FakeSlackApi.Message> awaitThread(String release, int checklistMessages) {
        var card = slack.awaitCall("chat.postMessage",
                call -> channel.equals(call.param("channel")) && call.param("thread_ts") == null
                        && call.param("text") != null
                        && call.param("text").contains(release), Duration.ofSeconds(10));
        String threadTs = slack.messages(channel).stream()
                .filter(m -> m.threadTs() == null && m.text().contains(release))
                .reduce((first, second) -> second).orElseThrow().ts();
        await(() -> slack.thread(channel, threadTs).size() >= checklistMessages, "thread of " + release);
        var thread = slack.thread(channel, threadTs);
        // A click finds its release by the message's ts, which the app stores just after Slack answered the post.
        await(() -> thread.stream().allMatch(message -> jdbc.sql(
                        "SELECT count(*) FROM message_view WHERE channel_id = ? AND ts = ?")
                .params(channel, message.ts()).query(Integer.class).single() == 1), "thread of " + release + " stored");
        return thread;
    }

    protected static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
