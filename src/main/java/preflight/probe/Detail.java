package preflight.probe;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/** Text that goes into a result: one short line, never credentials. */
final class Detail {

    private static final int MAX_LENGTH = 200;
    private static final Pattern USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

    private Detail() {
    }

    static String redact(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1");
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String line = CONTROL.matcher(redact(text)).replaceAll(" ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }

    static String quote(String text) {
        String shown = text.length() <= 40 ? text : text.substring(0, 39) + "…";
        return "\"" + shown + "\"";
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** "500 ms", "2 s", "1.5 s", "2 min". */
    static String human(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + " ms";
        }
        if (duration.toSeconds() >= 120 && duration.toSecondsPart() == 0 && duration.toMillisPart() == 0) {
            return duration.toMinutes() + " min";
        }
        BigDecimal seconds = BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros();
        return seconds.toPlainString() + " s";
    }

    static String bytes(int count) {
        return count % 1024 == 0 ? count / 1024 + " KiB" : count + " bytes";
    }
}
