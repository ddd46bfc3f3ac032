package preflight.slack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;

import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

/**
 * The post-deploy reminder end to end: Quartz's JDBC store in the real PostgreSQL, a monitoring
 * window of two seconds (template "monitored"), on-call U0ONCALL from the template.
 */
class MonitoringReminderTest extends SlackAppFixture {

    private static final String ONCALL = "U0ONCALL";

    @Autowired
    Scheduler scheduler;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void freshScheduler() throws SchedulerException {
        scheduler.clear();
        scheduler.start();
    }

    @Test
    void theReminderIsPostedInTheThreadAndDirectMessagedToOnCall() {
        shipMonitoredRelease();

        var inThread = awaitReminderInThread();
        assertThat(inThread.text()).contains("v5.0");
        assertThat(ReleaseLifecycleTest.text(inThread)).contains("<@" + ONCALL + ">", "Error rate below 1%",
                "p99 latency back to normal", LifecycleActions.COMPLETE, LifecycleActions.SNOOZE, LifecycleActions.ROLL_BACK);
        var direct = awaitDirectMessage();
        assertThat(ReleaseLifecycleTest.text(direct)).contains("Error rate below 1%", "Open the release thread");
        SlackLimits.assertWithinLimits(inThread);
        SlackLimits.assertWithinLimits(direct);
        assertThat(jdbc.sql("SELECT count(*) FROM reminder_sent").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theReminderComesWithAFreshProbeRun() {
        requests.command(channel, "U0ALICE", "alice", "start v5.1 monitored-probes");
        requests.command(channel, ADMIN, "admin", "shipped v5.1 override watch it anyway");

        var reminder = awaitReminderInThread();

        assertThat(ReleaseLifecycleTest.text(reminder)).contains("probes are running again");
        await(() -> jdbc.sql("SELECT count(*) FROM probe_run WHERE triggered_by = 'preflight' AND status <> 'RUNNING'")
                .query(Integer.class).single() == 1, "a finished probe run started by the reminder");
        assertThat(jdbc.sql("SELECT passed FROM probe_run").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void healthyCompletesTheReleaseAndTheButtonsGo() {
        shipMonitoredRelease();
        var direct = awaitDirectMessage();

        requests.clickButton(direct, LifecycleActions.COMPLETE, ONCALL, "oncall");

        assertThat(status()).isEqualTo("COMPLETED");
        await(() -> !ReleaseLifecycleTest.text(current(direct)).contains(LifecycleActions.COMPLETE), "buttons removed");
        assertThat(ReleaseLifecycleTest.text(current(direct))).contains("completed");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_job_details").query(Integer.class).single()).isZero();
    }

    @Test
    void snoozeAsksAgainLater() {
        shipMonitoredRelease();
        var direct = awaitDirectMessage();

        requests.clickButton(direct, LifecycleActions.SNOOZE, ONCALL, "oncall");

        await(() -> jdbc.sql("SELECT count(*) FROM deployment_event WHERE type = 'REMINDER_SNOOZED'")
                .query(Integer.class).single() == 1, "snooze recorded");
        long nextFire = jdbc.sql("SELECT min(next_fire_time) FROM qrtz_triggers WHERE trigger_group = 'monitoring'")
                .query(Long.class).single();
        assertThat(nextFire).isGreaterThan(System.currentTimeMillis() + Duration.ofHours(1).toMillis());
        assertThat(status()).isEqualTo("SHIPPED");
    }

    @Test
    void problemRollsBackWithTheReason() {
        shipMonitoredRelease();
        var direct = awaitDirectMessage();

        requests.clickButton(direct, LifecycleActions.ROLL_BACK, ONCALL, "oncall");
        var modal = slack.awaitCall("views.open", call -> true, Duration.ofSeconds(5)).view();
        requests.viewSubmission(modal, ReleaseLifecycleTest.reason("5xx on checkout"), ONCALL);

        assertThat(status()).isEqualTo("ROLLED_BACK");
        assertThat(jdbc.sql("SELECT detail FROM deployment_event WHERE type = 'ROLLED_BACK'").query(String.class).single())
                .isEqualTo("5xx on checkout");
    }

    @Test
    void aBotThatWasDownAtTheFireTimeSendsTheReminderOnceWhenItIsBack() throws Exception {
        scheduler.standby();
        shipMonitoredRelease();
        long fireAt = jdbc.sql("SELECT next_fire_time FROM qrtz_triggers").query(Long.class).single();
        await(() -> System.currentTimeMillis() > fireAt + 2_500, "past the fire time and the misfire threshold");
        assertThat(slack.messages(channel).stream().filter(m -> m.text().startsWith("Post-deploy check"))).isEmpty();

        scheduler.start();

        awaitReminderInThread();
        awaitDirectMessage();
        assertThat(jdbc.sql("SELECT count(*) FROM reminder_sent").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_triggers").query(Integer.class).single()).isZero();
    }

    @Test
    void twoSchedulersOnTheSameDatabaseSendTheReminderOnce() throws Exception {
        var second = secondInstance();
        try {
            shipMonitoredRelease();

            awaitReminderInThread();
            await(() -> jdbc.sql("SELECT count(*) FROM qrtz_triggers").query(Integer.class).single() == 0,
                    "the trigger is done");
            awaitDirectMessage();
            assertThat(jdbc.sql("SELECT count(*) FROM reminder_sent").query(Integer.class).single()).isEqualTo(1);
            assertThat(slack.messages(channel).stream().filter(m -> m.text().startsWith("Post-deploy check")))
                    .hasSize(1);
            assertThat(slack.messages(ONCALL).stream().filter(this::aboutThisRelease)).hasSize(1);
            // at least this test's two; another cached test context may run a scheduler on the database too
            assertThat(jdbc.sql("SELECT count(DISTINCT instance_name) FROM qrtz_scheduler_state").query(Integer.class)
                    .single()).isGreaterThanOrEqualTo(2);
        } finally {
            second.destroy();
        }
    }

    private SchedulerFactoryBean secondInstance() throws Exception {
        var jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        var properties = new Properties();
        properties.put("org.quartz.scheduler.instanceId", "AUTO");
        properties.put("org.quartz.jobStore.isClustered", "true");
        properties.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.put("org.quartz.scheduler.idleWaitTime", "1000");
        properties.put("org.quartz.threadPool.threadCount", "2");
        var factory = new SchedulerFactoryBean();
        factory.setSchedulerName("preflight");
        factory.setDataSource(dataSource);
        factory.setQuartzProperties(properties);
        factory.setJobFactory(new AutowiringJobFactory(context));
        factory.setApplicationContext(context);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** Builds jobs with constructor injection from the app context, as Spring Boot's own factory does. */
    private static final class AutowiringJobFactory extends SpringBeanJobFactory {

        private final ApplicationContext context;

        AutowiringJobFactory(ApplicationContext context) {
            this.context = context;
        }

        @Override
        protected Object createJobInstance(org.quartz.spi.TriggerFiredBundle bundle) {
            return context.getAutowireCapableBeanFactory().createBean(bundle.getJobDetail().getJobClass());
        }
    }

    private void shipMonitoredRelease() {
        requests.command(channel, "U0ALICE", "alice", "start v5.0 monitored");
        // The checklist is not done: shipping is an (audited) emergency override.
        assertThat(requests.command(channel, ADMIN, "admin", "shipped v5.0 override watch it anyway").json("text"))
                .contains("shipped");
    }

    private FakeSlackApi.Message awaitReminderInThread() {
        await(() -> slack.messages(channel).stream().anyMatch(m -> m.text().startsWith("Post-deploy check")),
                "reminder in the thread");
        return slack.messages(channel).stream().filter(m -> m.text().startsWith("Post-deploy check")).findFirst()
                .orElseThrow();
    }

    /** The DM about this test's release: it links to this test's channel. */
    private FakeSlackApi.Message awaitDirectMessage() {
        await(() -> slack.messages(ONCALL).stream().anyMatch(this::aboutThisRelease), "DM to on-call");
        return slack.messages(ONCALL).stream().filter(this::aboutThisRelease).findFirst().orElseThrow();
    }

    private boolean aboutThisRelease(FakeSlackApi.Message message) {
        return message.blocks().toString().contains("/archives/" + channel + "/");
    }

    private FakeSlackApi.Message current(FakeSlackApi.Message message) {
        return slack.message(message.channel(), message.ts()).orElseThrow();
    }

    private String status() {
        return jdbc.sql("SELECT status FROM deployment").query(String.class).single();
    }
}
