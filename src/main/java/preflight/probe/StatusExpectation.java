package preflight.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** expect.status: 200, "2xx", "200-299", or a list of those. */
record StatusExpectation(List<Range> ranges) {

    static final StatusExpectation DEFAULT = new StatusExpectation(List.of(new Range(200, 399)));
    static final StatusExpectation REDIRECT = new StatusExpectation(List.of(new Range(300, 399)));

    private static final Pattern CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(\\d{3})\\s*-\\s*(\\d{3})");
    private static final Pattern SINGLE = Pattern.compile("\\d{3}");

    record Range(int from, int to) {
        boolean contains(int status) {
            return status >= from && status <= to;
        }

        @Override
        public String toString() {
            if (from == to) {
                return Integer.toString(from);
            }
            if (from % 100 == 0 && to == from + 99) {
                return from / 100 + "xx";
            }
            return from + "-" + to;
        }
    }

    static StatusExpectation parse(Object value, StatusExpectation fallback) throws InvalidProbeException {
        if (value == null) {
            return fallback;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (items.isEmpty()) {
            throw new InvalidProbeException("status list is empty");
        }
        List<Range> ranges = new ArrayList<>();
        for (Object item : items) {
            ranges.add(range(item));
        }
        return new StatusExpectation(List.copyOf(ranges));
    }

    private static Range range(Object item) throws InvalidProbeException {
        String text = item == null ? "" : item.toString().strip();
        Matcher matcher;
        Range range = null;
        if (item instanceof Integer || SINGLE.matcher(text).matches()) {
            int status = Integer.parseInt(text);
            range = new Range(status, status);
        } else if ((matcher = CLASS.matcher(text)).matches()) {
            int first = Integer.parseInt(matcher.group(1)) * 100;
            range = new Range(first, first + 99);
        } else if ((matcher = RANGE.matcher(text)).matches()) {
            range = new Range(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
        if (range == null || range.from() < 100 || range.to() > 599 || range.from() > range.to()) {
            throw new InvalidProbeException("status " + item + " is not a status like 200, \"2xx\" or \"200-299\"");
        }
        return range;
    }

    boolean matches(int status) {
        return ranges.stream().anyMatch(range -> range.contains(status));
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(" or "));
    }
}
