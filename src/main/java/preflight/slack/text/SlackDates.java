package preflight.slack.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times shown in each reader's own time zone by Slack, with a UTC fallback for clients that cannot. */
public final class SlackDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackDates() {
    }

    /** "21 Nov 2026 14:02" */
    public static String of(Instant at) {
        return token(at, "{date_short_pretty} {time}", DATE_TIME);
    }

    /** "14:02" */
    public static String time(Instant at) {
        return token(at, "{time}", TIME);
    }

    /** "3 minutes ago" */
    public static String ago(Instant at) {
        return token(at, "{ago}", TIME);
    }

    private static String token(Instant at, String format, DateTimeFormatter fallback) {
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + fallback.format(at) + ">";
    }
}
