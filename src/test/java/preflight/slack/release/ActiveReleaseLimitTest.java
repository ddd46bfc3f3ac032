package preflight.slack.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        assertThat(requests.command(channel, "U0MALLORY", "mallory", "start v7 signoff-test").json("text"))
                .as("a release already active is said to be, even in a full channel")
                .contains("*v7* (production) is already", "Nothing new was started");
        requests.command("C0ELSEWHERE" + channel, "U0MALLORY", "mallory", "start v21 signoff-test");
        assertThat(jdbc.sql("SELECT count(*) FROM deployment WHERE release = 'v21'").query(Integer.class).single())
                .as("the limit is per channel").isEqualTo(1);
    }

    /**
     * Six starts for the last two places, all in flight at once: a third connection holds one of
     * the two free places in an open transaction, so starts that choose it wait for it, and the
     * others race for the other place. When it gives the place back, exactly two starts get in.
     */
    @Test
    void sixStartsForTheLastTwoPlacesAtOnceStartExactlyTwo() throws Exception {
        for (int i = 1; i <= 18; i++) {
            requests.command(channel, "U0MALLORY", "mallory", "start v" + i + " signoff-test");
        }
        assertThat(activeReleases()).isEqualTo(18);
        int free = jdbc.sql("""
                        SELECT min(p) FROM generate_series(0, 19) p
                         WHERE p NOT IN (SELECT cap_place FROM deployment WHERE channel_id = ?)""")
                .param(channel).query(Integer.class).single();

        try (var holder = dataSource.getConnection();
             var pool = Executors.newFixedThreadPool(6)) {
            holder.setAutoCommit(false);
            try (var hold = holder.prepareStatement("""
                    INSERT INTO deployment (channel_id, release, environment, template_name, template_source,
                                            started_by, started_by_name, status, started_at, updated_at, cap_place)
                    VALUES (?, 'held', 'production', 't', 's', 'U0HOLDER', 'holder', 'IN_PROGRESS', now(), now(), ?)""")) {
                hold.setString(1, channel);
                hold.setInt(2, free);
                hold.executeUpdate();
            }
            var starts = IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> pool.submit(() -> requests.command(channel, "U0MALLORY", "mallory",
                            "start race" + i + " signoff-test")))
                    .toList();
            await(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted")
                    .query(Integer.class).single() + starts.stream().filter(Future::isDone).count() == 6,
                    "every start either answered or waiting for a place");
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
        assertThat(jdbc.sql("SELECT count(DISTINCT cap_place) FROM deployment WHERE channel_id = ?")
                .param(channel).query(Integer.class).single()).isEqualTo(20);
    }

    /**
     * A release that holds a place above the cap (the cap was lowered while it was active) still
     * counts: with 19 places below the cap taken and one above, the channel is full although one
     * place below the cap is free.
     */
    @Test
    void aReleaseHoldingAPlaceAboveALoweredCapStillCounts() {
        channelWithNineteenStartsAnd(30);
        assertRefused();
    }

    private void channelWithNineteenStartsAnd(int place) {
        for (int i = 1; i <= 19; i++) {
            requests.command(channel, "U0MALLORY", "mallory", "start v" + i + " signoff-test");
        }
        jdbc.sql("""
                        INSERT INTO deployment (channel_id, release, environment, template_name, template_source,
                                                started_by, started_by_name, status, started_at, updated_at, cap_place)
                        VALUES (?, 'before', 'production', 't', 's', 'U0OLD', 'old', 'IN_PROGRESS', now(), now(), ?)""")
                .params(channel, place).update();
        assertThat(activeReleases()).isEqualTo(20);
    }

    private void assertRefused() {
        var refused = requests.command(channel, "U0MALLORY", "mallory", "start v20 signoff-test");

        assertThat(refused.json("text")).contains("already has 20 active releases", "Nothing was started");
        assertThat(activeReleases()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM deployment WHERE release = 'v20'").query(Integer.class).single()).isZero();
    }

    private int activeReleases() {
        return jdbc.sql("SELECT count(*) FROM deployment WHERE channel_id = ? AND status IN ('IN_PROGRESS', 'SHIPPED')")
                .param(channel).query(Integer.class).single();
    }
}
