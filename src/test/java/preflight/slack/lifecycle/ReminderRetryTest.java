package preflight.slack.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import preflight.testing.SlackAppFixture;
import preflight.testing.SlackMatchesDatabase;

/**
 * Fault suite: the post-deploy reminder's first fire fails in the database (a check constraint
 * that refuses the reminder_sent row, as a real failure would), and the one-shot trigger that fired
 * it is gone. The reminder is sent later, once. Same settings as SlackCatchesUpTest: one context.
 */
@TestPropertySource(properties = {"preflight.slack.first-backoff=100ms", "preflight.slack.max-backoff=400ms",
        "preflight.reminder-retry=1s"})
class ReminderRetryTest extends SlackAppFixture {

    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void freshScheduler() throws SchedulerException {
        scheduler.clear();
        scheduler.start();
    }

    @AfterEach
    void removeFault() {
        jdbc.sql("ALTER TABLE reminder_sent DROP CONSTRAINT IF EXISTS refuse_reminders").update();
    }

    @Test
    void aReminderWhoseFirstFireFailsIsSentOnceLater() {
        jdbc.sql("ALTER TABLE reminder_sent ADD CONSTRAINT refuse_reminders CHECK (false) NOT VALID").update();
        requests.command(channel, "U0ALICE", "alice", "start v6.0 monitored");
        requests.command(channel, ADMIN, "admin", "shipped v6.0 override watch it anyway");

        await(() -> jdbc.sql("SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE '%-retry-%'")
                .query(Integer.class).single() > 0, "a retry after the failed fire");
        assertThat(reminders()).isZero();
        jdbc.sql("ALTER TABLE reminder_sent DROP CONSTRAINT refuse_reminders").update();

        await(() -> reminders() == 1, "the reminder in the thread");
        SlackMatchesDatabase.awaitNothingPending(jdbc, java.time.Duration.ofSeconds(15));
        SlackMatchesDatabase.sleep(2000); // a second retry, had one been left, would have fired by now
        assertThat(reminders()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM reminder_sent").query(Integer.class).single()).isEqualTo(1);
    }

    private long reminders() {
        return slack.messages(channel).stream().filter(m -> m.text().startsWith("Post-deploy check")).count();
    }
}
