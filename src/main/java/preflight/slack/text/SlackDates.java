package preflight.slack.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times shown in each reader's own time zone by Slack, with a UTC fallback. */
public final class SlackDates {

    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SlackDates() {
    }

    public static String of(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(at) + ">";
    }
}
