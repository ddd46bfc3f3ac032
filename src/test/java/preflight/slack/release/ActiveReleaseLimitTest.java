package preflight.slack.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.testing.SlackAppFixture;

/** One person cannot flood a channel with releases: PREFLIGHT_MAX_ACTIVE_RELEASES (20) per channel. */
class ActiveReleaseLimitTest extends SlackAppFixture {

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
    void startsArrivingTogetherForTheLastPlaceLetExactlyOneThrough() throws Exception {
        for (int i = 1; i <= 18; i++) {
            requests.command(channel, "U0MALLORY", "mallory", "start v" + i + " signoff-test");
        }
        assertThat(activeReleases()).isEqualTo(18);

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            var starts = java.util.stream.IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> pool.submit(() -> requests.command(channel, "U0MALLORY", "mallory",
                            "start race" + i + " signoff-test").status()))
                    .toList();
            for (var start : starts) {
                assertThat(start.get()).isEqualTo(200);
            }
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
