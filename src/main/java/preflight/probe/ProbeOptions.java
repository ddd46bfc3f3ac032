package preflight.probe;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.convert.DurationStyle;

/** Reads the loosely typed expect/options maps that come from YAML front matter. */
final class ProbeOptions {

    private ProbeOptions() {
    }

    static void requireKnownKeys(Map<String, Object> map, Set<String> known, String what) throws InvalidProbeException {
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InvalidProbeException("unknown " + what + " " + String.join(", ", unknown)
                    + " (allowed: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }

    static Integer integer(Map<String, Object> map, String key) throws InvalidProbeException {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long || value instanceof Short)
                && Math.abs(((Number) value).longValue()) <= Integer.MAX_VALUE) {
            return ((Number) value).intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidProbeException(key + " must be a whole number, not " + value);
    }

    static Integer nonNegative(Map<String, Object> map, String key) throws InvalidProbeException {
        Integer value = integer(map, key);
        if (value != null && value < 0) {
            throw new InvalidProbeException(key + " must not be negative");
        }
        return value;
    }

    static String string(Map<String, Object> map, String key) throws InvalidProbeException {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        throw new InvalidProbeException(key + " must be text, not " + value);
    }

    static List<String> strings(Map<String, Object> map, String key) throws InvalidProbeException {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            if (!(item instanceof String) && !(item instanceof Number) || item.toString().isBlank()) {
                throw new InvalidProbeException(key + " must be text or a list of text, not " + value);
            }
        }
        return items.stream().map(item -> item.toString().strip()).toList();
    }

    static Duration timeout(Map<String, Object> options, Duration fallback) throws InvalidProbeException {
        Object value = options.get("timeout");
        if (value == null) {
            return fallback;
        }
        Duration timeout;
        try {
            timeout = value instanceof Duration duration ? duration
                    : DurationStyle.detectAndParse(value.toString().strip().toLowerCase(Locale.ROOT), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new InvalidProbeException("timeout " + value + " is not a duration like 5s or 500ms");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new InvalidProbeException("timeout must be positive");
        }
        return timeout;
    }
}
