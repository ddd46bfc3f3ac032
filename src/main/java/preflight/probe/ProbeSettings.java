package preflight.probe;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("preflight.probe")
/**
 * {@code PREFLIGHT_PROBE_…}.
 *
 * @param maxConcurrency probe requests in flight at once across all runs of all releases
 * @param allowPrivate   probes may reach loopback, link-local and private addresses even without an allow-list
 */
public record ProbeSettings(Duration timeout, List<String> allowedHosts, int maxBodyBytes, int maxConcurrency,
                            boolean allowPrivate) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    static final int DEFAULT_MAX_CONCURRENCY = 16;

    public ProbeSettings {
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream()
                .filter(host -> host != null && !host.isBlank())
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .toList();
        maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        maxConcurrency = maxConcurrency <= 0 ? DEFAULT_MAX_CONCURRENCY : maxConcurrency;
    }

    static ProbeSettings defaults() {
        return new ProbeSettings(null, null, 0, 0, false);
    }
}
