package preflight.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import preflight.checklist.ProbeDefinition;

/** Handshakes like a browser would (trusted chain, name matches) and checks expiry and protocol. */
final class TlsProbe implements Prober {

    private static final Set<String> EXPECT_KEYS = Set.of("min_days", "min_protocol");
    private static final Set<String> OPTION_KEYS = Set.of("timeout");
    private static final List<String> PROTOCOLS = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    static final int DEFAULT_MIN_DAYS = 14;
    static final String DEFAULT_MIN_PROTOCOL = "TLSv1.2";

    private final SSLContext sslContext;
    private final Clock clock;

    private final AddressPolicy policy;

    TlsProbe(SSLContext sslContext, Clock clock, AddressPolicy policy) {
        this.policy = policy;
        this.sslContext = sslContext;
        this.clock = clock;
    }

    private record Spec(HostPort target, int minDays, String minProtocol) {}

    @Override
    public String kind() {
        return "tls";
    }

    @Override
    public Plan plan(ProbeDefinition probe, Duration timeout) throws InvalidProbeException {
        Map<String, Object> expect = probe.expect() == null ? Map.of() : probe.expect();
        ProbeOptions.requireKnownKeys(expect, EXPECT_KEYS, "expect key for tls");
        ProbeOptions.requireKnownKeys(probe.options() == null ? Map.of() : probe.options(), OPTION_KEYS, "option for tls");
        HostPort target = HostPort.parse(probe.target(), 443);
        int minDays = Objects.requireNonNullElse(ProbeOptions.nonNegative(expect, "min_days"), DEFAULT_MIN_DAYS);
        String minProtocol = canonicalProtocol(Objects.requireNonNullElse(ProbeOptions.string(expect, "min_protocol"), DEFAULT_MIN_PROTOCOL));
        Spec spec = new Spec(target, minDays, minProtocol);
        return new Plan(target.host(), target.toString(), () -> execute(spec, timeout));
    }

    private static String canonicalProtocol(String name) throws InvalidProbeException {
        String compact = name.strip().replace(" ", "").replaceFirst("(?i)^tls(?!v)", "TLSv");
        for (String protocol : PROTOCOLS) {
            if (protocol.equalsIgnoreCase(compact)) {
                return protocol;
            }
        }
        throw new InvalidProbeException("min_protocol " + name + " is not one of " + String.join(", ", PROTOCOLS));
    }

    /** Protocols the JDK negotiates that are newer than this list rank highest. */
    static int rank(String protocol) {
        int index = PROTOCOLS.indexOf(protocol);
        return index >= 0 ? index : PROTOCOLS.size();
    }

    private Check execute(Spec spec, Duration timeout) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        HostPort target = spec.target();
        try (Socket socket = policy.socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), remainingMillis(deadline, timeout));
            socket.setSoTimeout(remainingMillis(deadline, timeout));
            try (SSLSocket tls = (SSLSocket) sslContext.getSocketFactory()
                    .createSocket(socket, target.host(), target.port(), true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                return evaluate(spec, tls.getSession(), latency);
            }
        }
    }

    private Check evaluate(Spec spec, SSLSession session, Duration latency) throws IOException {
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            return Check.fail("server sent no X.509 certificate", latency);
        }
        String protocol = session.getProtocol();
        long days = Duration.between(clock.instant(), leaf.getNotAfter().toInstant()).toDays();
        List<String> problems = new ArrayList<>();
        if (leaf.getNotAfter().toInstant().isBefore(clock.instant())) {
            problems.add("certificate expired on " + leaf.getNotAfter().toInstant());
        } else if (days < spec.minDays()) {
            problems.add("certificate expires in " + days + (days == 1 ? " day" : " days") + " (< " + spec.minDays() + ")");
        }
        if (rank(protocol) < rank(spec.minProtocol())) {
            problems.add("negotiated " + protocol + " (< " + spec.minProtocol() + ")");
        }
        return Check.of(problems, protocol + ", certificate expires in " + days + (days == 1 ? " day" : " days"), latency);
    }

    static int remainingMillis(long deadline, Duration timeout) throws SocketTimeoutException {
        long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remaining <= 0) {
            throw new SocketTimeoutException("timed out after " + Detail.human(timeout));
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }
}
