package preflight.slack.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.testing.SlackAppFixture;

/** One person cannot flood a channel with releases: PREFLIGHT_MAX_ACTIVE_RELEASES (20) per channel. */
class ActiveReleaseLimitTest extends SlackAppFixture {

    @Autowired
    private DataSource dataSource;

    @Test
    void theTwentyFirstActiveReleaseOfAChannelIsRefusedAndNothingIsStarted() {
        for (int i = 1; i <= 20; i++) {
            assertThat(requests.command(channel, "U0MALLORY", "mallory", "start v" + i + " signoff-test").status())
                    .isEqualTo(200);
        }
        assertThat(activeReleases()).isEqualTo(20);

        var refused = requests.command(channel, "U0MALLORY", "mallory", "start v21 signoff-test");

        assertThat(refused.json("text")).contains("already has 20 active releases", "Nothing was started");
        assertThat(activeReleases()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment WHERE release = 'v21'").query(Integer.class).single()).isZero();
        requests.command("C0ELSEWHERE" + channel, "U0MALLORY", "mallory", "start v21 signoff-test");
        assertThat(jdbc.sql("SELECT count(*) FROM deployment WHERE release = 'v21'").query(Integer.class).single())
                .as("the limit is per channel").isEqualTo(1);
    }

    @Test
    void startsForTheLastPlacesAreCountedOneAtATimeAsTheyCommit() throws Exception {
        for (int i = 1; i <= 18; i++) {
            requests.command(channel, "U0MALLORY", "mallory", "start v" + i + " signoff-test");
        }
        assertThat(activeReleases()).isEqualTo(18);

        try (var holder = dataSource.getConnection();
             var pool = Executors.newFixedThreadPool(6)) {
            // Holding the channel's count makes all six reach their commit before any is counted.
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "release-start:" + channel);
                lock.execute();
            }
            var starts = IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> pool.submit(() -> requests.command(channel, "U0MALLORY", "mallory",
                            "start race" + i + " signoff-test")))
                    .toList();
            await(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Integer.class).single() == 6, "six starts waiting to be counted at commit");
            holder.rollback();
            var answers = new ArrayList<String>();
            for (var start : starts) {
                answers.add(start.get().body());
            }
            assertThat(answers).filteredOn(text -> text.contains("already has 20 active releases")).hasSize(4);
        }

        assertThat(activeReleases()).as("two places were left for six starts").isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment WHERE release LIKE 'race%'").query(Integer.class).single())
                .as("a refused start leaves no row behind").isEqualTo(2);
    }

    private int activeReleases() {
        return jdbc.sql("SELECT count(*) FROM deployment WHERE channel_id = ? AND status IN ('IN_PROGRESS', 'SHIPPED')")
                .param(channel).query(Integer.class).single();
    }
}
