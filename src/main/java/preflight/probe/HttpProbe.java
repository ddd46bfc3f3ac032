package preflight.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.http.HttpStatus;

import preflight.checklist.ProbeDefinition;

/**
 * GET or HEAD a URL; redirects are followed by hand so every hop passes the allow-list. The client
 * resolves and connects only through the AddressPolicy (ProbeRunner builds it), so every hop's
 * connection goes to an address that was checked. Long because each expectation (status, latency,
 * headers, body, redirect) is checked and explained here, next to the request it judges.
 */
final class HttpProbe implements Prober {

    private static final Set<String> EXPECT_KEYS = Set.of("status", "max_ms", "headers", "body_contains", "redirect");
    private static final Set<String> OPTION_KEYS = Set.of("method", "timeout");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    static final int MAX_REDIRECTS = 5;

    private final OkHttpClient client;
    private final AllowedHosts allowedHosts;
    private final int maxBodyBytes;

    HttpProbe(OkHttpClient client, AllowedHosts allowedHosts, int maxBodyBytes) {
        this.client = client;
        this.allowedHosts = allowedHosts;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Resolves through the policy and connects only with its checking sockets (IP literals skip the Dns), so
     * the address a connection goes to is the one that was checked: no second lookup for DNS rebinding to
     * answer differently. Calls run synchronously on the probe's virtual thread; the dispatcher is not used.
     */
    static OkHttpClient client(AddressPolicy policy, Dns resolver, SSLContext sslContext, X509TrustManager trust) {
        return new OkHttpClient.Builder()
                .dns(policy.dns(resolver))
                .socketFactory(policy.socketFactory())
                // a proxy would resolve the name itself, past the policy
                .proxy(Proxy.NO_PROXY)
                .sslSocketFactory(sslContext.getSocketFactory(), trust)
                // the JDK decides which TLS versions and ciphers are acceptable; the tls probe judges them
                .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                        .allEnabledTlsVersions().allEnabledCipherSuites().build(), ConnectionSpec.CLEARTEXT))
                // redirects stay manual so every hop passes the allow-list (HttpProbe)
                .followRedirects(false)
                .followSslRedirects(false)
                // each call's deadline is the rest of the probe's timeout (HttpProbe), not these
                .connectTimeout(Duration.ZERO)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .build();
    }

    /** redirect: null when redirects are followed, else "https" (any https URL) or the required URL prefix. */
    private record Spec(URI uri, String method, StatusExpectation status, Integer maxMs, List<String> headers,
                        String bodyContains, String redirect) {}

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public Plan plan(ProbeDefinition probe, Duration timeout) throws InvalidProbeException {
        Map<String, Object> expect = probe.expect() == null ? Map.of() : probe.expect();
        Map<String, Object> options = probe.options() == null ? Map.of() : probe.options();
        ProbeOptions.requireKnownKeys(expect, EXPECT_KEYS, "expect key for http");
        ProbeOptions.requireKnownKeys(options, OPTION_KEYS, "option for http");
        URI uri = parseUrl(probe.target());
        String method = Objects.requireNonNullElse(ProbeOptions.string(options, "method"), "GET").toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new InvalidProbeException("method must be GET or HEAD, not " + method);
        }
        String redirect = redirect(expect.get("redirect"));
        StatusExpectation status = StatusExpectation.parse(expect.get("status"),
                redirect == null ? StatusExpectation.DEFAULT : StatusExpectation.REDIRECT);
        String bodyContains = ProbeOptions.string(expect, "body_contains");
        if (bodyContains != null && (bodyContains.isEmpty() || method.equals("HEAD"))) {
            throw new InvalidProbeException("body_contains needs method GET and some text");
        }
        Spec spec = new Spec(uri, method, status, ProbeOptions.nonNegative(expect, "max_ms"),
                ProbeOptions.strings(expect, "headers"), bodyContains, redirect);
        return new Plan(uri.getHost(), display(uri), () -> execute(spec, timeout));
    }

    private static URI parseUrl(String target) throws InvalidProbeException {
        if (target == null || target.isBlank()) {
            throw new InvalidProbeException("target is missing; expected an http(s):// URL");
        }
        URI uri;
        try {
            uri = new URI(target.strip());
        } catch (URISyntaxException e) {
            throw new InvalidProbeException("target " + Detail.redact(target) + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidProbeException("target " + Detail.redact(target) + " is not an http(s):// URL");
        }
        if (uri.getHost() == null) {
            throw new InvalidProbeException("target " + Detail.redact(target) + " has no valid host");
        }
        if (uri.getPort() > 65535) {
            throw new InvalidProbeException("target " + Detail.redact(target) + " has an invalid port");
        }
        if (httpUrl(uri) == null) {
            throw new InvalidProbeException("target " + Detail.redact(target) + " is not a valid URL");
        }
        return uri;
    }

    private static String redirect(Object value) throws InvalidProbeException {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (Boolean.TRUE.equals(value)) {
            return "https";
        }
        if (value instanceof String prefix && !prefix.isBlank()) {
            return prefix.strip();
        }
        throw new InvalidProbeException("redirect must be true or the URL the Location must start with");
    }

    private Check execute(Spec spec, Duration timeout) throws IOException {
        // connections live for one run: each run measures a fresh connect and handshake, and none stays
        // open to a probed host afterwards
        OkHttpClient run = client.newBuilder().connectionPool(new ConnectionPool()).build();
        try {
            return follow(run, spec, timeout);
        } finally {
            run.connectionPool().evictAll();
        }
    }

    private Check follow(OkHttpClient run, Spec spec, Duration timeout) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        URI uri = spec.uri();
        String method = spec.method();
        for (int redirects = 0; ; redirects++) {
            Call call = run.newCall(request(spec.uri(), uri, method));
            call.timeout().timeout(remaining(deadline, timeout), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                Duration latency = Duration.ofNanos(System.nanoTime() - start);
                int status = response.code();
                String location = response.header("Location");
                if (spec.redirect() != null || !REDIRECTS.contains(status) || location == null) {
                    return evaluate(spec, uri, call, response, latency, redirects);
                }
                URI next = resolve(uri, location);
                if (next == null) {
                    return Check.fail(statusText(status) + " with an invalid Location " + Detail.quote(Detail.clean(location)), latency);
                }
                if (!allowedHosts.permits(next.getHost())) {
                    return Check.fail("redirected to " + display(next) + ", but " + AllowedHosts.refusal(next.getHost()), latency);
                }
                if (redirects == MAX_REDIRECTS) {
                    return Check.fail("more than " + MAX_REDIRECTS + " redirects (last to " + display(next) + ")", latency);
                }
                uri = next;
                if (status == 303 && !method.equals("HEAD")) {
                    method = "GET";
                }
            }
        }
    }

    private static long remaining(long deadline, Duration timeout) throws SocketTimeoutException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("timed out after " + Detail.human(timeout));
        }
        return remaining;
    }

    private static Request request(URI original, URI uri, String method) {
        Request.Builder builder = new Request.Builder()
                .url(Objects.requireNonNull(httpUrl(uri), "checked when planned or redirected"))
                .method(method, null)
                .header("User-Agent", "Preflight-Probe")
                // no transparent gzip: headers and body are checked as the server sends them
                .header("Accept-Encoding", "identity");
        if (original.getUserInfo() != null && sameOrigin(original, uri)) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(original.getUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private Check evaluate(Spec spec, URI uri, Call call, Response response, Duration latency, int redirects)
            throws IOException {
        int status = response.code();
        List<String> problems = new ArrayList<>();
        String location = null;
        boolean statusOk = spec.status().matches(status);
        if (!statusOk) {
            problems.add(spec.redirect() != null && spec.status() == StatusExpectation.REDIRECT
                    ? "expected a redirect, got " + statusText(status)
                    : "expected status " + spec.status() + ", got " + statusText(status));
        }
        if (spec.redirect() != null && statusOk) {
            String header = response.header("Location");
            URI next = header == null ? null : resolve(uri, header);
            if (next == null) {
                problems.add(statusText(status) + (header == null ? " without a Location header" : " with an invalid Location"));
            } else {
                location = display(next);
                if (spec.redirect().equals("https")) {
                    if (!"https".equalsIgnoreCase(next.getScheme())) {
                        problems.add("redirects to " + location + ", not to HTTPS");
                    }
                } else if (!next.toString().startsWith(spec.redirect()) && !header.startsWith(spec.redirect())) {
                    problems.add("redirects to " + location + ", not to " + Detail.redact(spec.redirect()) + "…");
                }
            }
        }
        List<String> missing = spec.headers().stream()
                .filter(name -> response.header(name) == null)
                .toList();
        if (!missing.isEmpty()) {
            problems.add((missing.size() == 1 ? "missing header " : "missing headers ") + String.join(", ", missing));
        }
        if (spec.bodyContains() != null) {
            InputStream body = response.body().byteStream();
            byte[] bytes = body.readNBytes(maxBodyBytes);
            if (bytes.length >= maxBodyBytes) {
                // closing would first drain what is left (up to 100 ms) of a body that may never end
                call.cancel();
            }
            String text = new String(bytes, charset(response));
            if (!text.contains(spec.bodyContains())) {
                problems.add("body does not contain " + Detail.quote(spec.bodyContains())
                        + (bytes.length >= maxBodyBytes ? " in its first " + Detail.bytes(maxBodyBytes) : ""));
            }
        }
        String summary = statusText(status) + (location == null ? "" : " → " + location) + " in " + Detail.millis(latency)
                + (redirects == 0 ? "" : " after " + redirects + (redirects == 1 ? " redirect" : " redirects"));
        if (spec.maxMs() != null && latency.toMillis() > spec.maxMs()) {
            problems.add(problems.isEmpty()
                    ? summary + " (> " + spec.maxMs() + " ms)"
                    : "took " + Detail.millis(latency) + " (> " + spec.maxMs() + " ms)");
        }
        return Check.of(problems, summary, latency);
    }

    static String statusText(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? Integer.toString(status) : status + " " + known.getReasonPhrase();
    }

    private static Charset charset(Response response) {
        String type = Objects.requireNonNullElse(response.header("Content-Type"), "");
        for (String part : type.split(";")) {
            String parameter = part.strip();
            if (parameter.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(parameter.substring(8).replace("\"", "").strip());
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static URI resolve(URI base, String location) {
        try {
            URI next = base.resolve(new URI(location.strip()));
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && next.getHost() != null
                    && httpUrl(next) != null ? next : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** The URL as OkHttp sends it, without credentials; null when OkHttp cannot read it. */
    private static HttpUrl httpUrl(URI uri) {
        try {
            return HttpUrl.parse(withoutUserInfo(uri).toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(display(uri));
    }

    /** The URL without credentials and fragment, as shown in results. */
    static String display(URI uri) {
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() != -1) {
            text.append(':').append(uri.getPort());
        }
        text.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        return text.toString();
    }
}
