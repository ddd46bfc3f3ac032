package preflight.checklist;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

final class Durations {

    private Durations() {
    }

    /** "24h", "90m", "500ms" or ISO-8601 "PT24H"; a bare number is refused because Spring would read it as millis. */
    static Duration parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || !Character.isLetter(value.charAt(value.length() - 1))) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (use e.g. 24h, 90m, 5s, 500ms or PT24H)");
        }
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (use e.g. 24h, 90m, 5s, 500ms or PT24H)", e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + value + "' must be longer than zero");
        }
        return duration;
    }
}
