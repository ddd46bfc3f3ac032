package preflight.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import preflight.checklist.ProbeDefinition;

final class DnsProbe implements Prober {

    private static final Set<String> EXPECT_KEYS = Set.of("address");
    private static final Set<String> OPTION_KEYS = Set.of("timeout");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int SHOWN_ADDRESSES = 3;

    @Override
    public String kind() {
        return "dns";
    }

    @Override
    public Plan plan(ProbeDefinition probe, Duration timeout) throws InvalidProbeException {
        Map<String, Object> expect = probe.expect() == null ? Map.of() : probe.expect();
        ProbeOptions.requireKnownKeys(expect, EXPECT_KEYS, "expect key for dns");
        ProbeOptions.requireKnownKeys(probe.options() == null ? Map.of() : probe.options(), OPTION_KEYS, "option for dns");
        String host = probe.target() == null ? "" : probe.target().strip();
        if (host.length() > 253 || !HOSTNAME.matcher(host).matches()) {
            throw new InvalidProbeException("target " + Detail.redact(host) + " is not a host name");
        }
        List<InetAddress> expected = new ArrayList<>();
        for (String address : ProbeOptions.strings(expect, "address")) {
            expected.add(literal(address));
        }
        return new Plan(host, host, () -> execute(host, expected));
    }

    /** Parses an IP literal without any lookup. */
    private static InetAddress literal(String address) throws InvalidProbeException {
        boolean ipv4 = IPV4.matcher(address).matches()
                && Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (ipv4 || address.contains(":")) {
            try {
                return InetAddress.getByName(address.startsWith("[") ? address : address.contains(":") ? "[" + address + "]" : address);
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new InvalidProbeException("address " + address + " is not an IP address");
    }

    private static Check execute(String host, List<InetAddress> expected) throws UnknownHostException {
        long start = System.nanoTime();
        List<InetAddress> resolved = Arrays.asList(InetAddress.getAllByName(host));
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String addresses = resolved.stream().limit(SHOWN_ADDRESSES).map(InetAddress::getHostAddress)
                .collect(Collectors.joining(", "))
                + (resolved.size() > SHOWN_ADDRESSES ? " and " + (resolved.size() - SHOWN_ADDRESSES) + " more" : "");
        if (!expected.isEmpty() && resolved.stream().noneMatch(expected::contains)) {
            return Check.fail("resolves to " + addresses + ", not " + expected.stream().map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(" or ")), latency);
        }
        return Check.pass("resolves to " + addresses + " in " + Detail.millis(latency), latency);
    }
}
