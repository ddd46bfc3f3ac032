package preflight.slack.text;

import java.time.Duration;

/** "2 h", "90 min", "30 s": durations as people read them. */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        if (duration.toMinutes() >= 60 && duration.toMinutes() % 60 == 0) {
            return duration.toHours() + " h";
        }
        if (duration.toSeconds() >= 60 && duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }
}
