package preflight.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

import org.springframework.http.HttpStatus;

import preflight.checklist.ProbeDefinition;

/**
 * GET or HEAD a URL; redirects are followed by hand so every hop passes the allow-list and the
 * address rule. Long because each expectation (status, latency, headers, body, redirect) is checked
 * and explained here, next to the request it judges.
 */
final class HttpProbe implements Prober {

    private static final Set<String> EXPECT_KEYS = Set.of("status", "max_ms", "headers", "body_contains", "redirect");
    private static final Set<String> OPTION_KEYS = Set.of("method", "timeout");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final AllowedHosts allowedHosts;
    private final AddressPolicy policy;
    private final int maxBodyBytes;

    HttpProbe(HttpClient client, AllowedHosts allowedHosts, AddressPolicy policy, int maxBodyBytes) {
        this.client = client;
        this.allowedHosts = allowedHosts;
        this.policy = policy;
        this.maxBodyBytes = maxBodyBytes;
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

    private Check execute(Spec spec, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        URI uri = spec.uri();
        String method = spec.method();
        for (int redirects = 0; ; redirects++) {
            // every hop: a redirect may lead to an internal address the first URL did not
            policy.checkName(uri.getHost());
            HttpResponse<InputStream> response = client.send(request(spec.uri(), uri, method, deadline, timeout),
                    HttpResponse.BodyHandlers.ofInputStream());
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                String location = response.headers().firstValue("Location").orElse(null);
                if (spec.redirect() != null || !REDIRECTS.contains(status) || location == null) {
                    return evaluate(spec, response, body, latency, redirects);
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

    private HttpRequest request(URI original, URI uri, String method, long deadline, Duration timeout)
            throws HttpTimeoutException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new HttpTimeoutException("timed out after " + Detail.human(timeout));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(withoutUserInfo(uri))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofNanos(remaining))
                // HTTP/2 only where it is negotiated by ALPN: no h2c upgrade attempts on plain http
                .version(uri.getScheme().equalsIgnoreCase("https") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .header("User-Agent", "Preflight-Probe");
        if (original.getUserInfo() != null && sameOrigin(original, uri)) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(original.getUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private Check evaluate(Spec spec, HttpResponse<InputStream> response, InputStream body, Duration latency,
                           int redirects) throws IOException {
        int status = response.statusCode();
        List<String> problems = new ArrayList<>();
        String location = null;
        boolean statusOk = spec.status().matches(status);
        if (!statusOk) {
            problems.add(spec.redirect() != null && spec.status() == StatusExpectation.REDIRECT
                    ? "expected a redirect, got " + statusText(status)
                    : "expected status " + spec.status() + ", got " + statusText(status));
        }
        if (spec.redirect() != null && statusOk) {
            String header = response.headers().firstValue("Location").orElse(null);
            URI next = header == null ? null : resolve(response.uri(), header);
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
                .filter(name -> response.headers().firstValue(name).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            problems.add((missing.size() == 1 ? "missing header " : "missing headers ") + String.join(", ", missing));
        }
        if (spec.bodyContains() != null) {
            byte[] bytes = body.readNBytes(maxBodyBytes);
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

    private static Charset charset(HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
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
            return (scheme.equals("http") || scheme.equals("https")) && next.getHost() != null ? next : null;
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
