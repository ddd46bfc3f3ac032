package preflight.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestsPerMinute what one token may ask per minute (bursts up to that many at once)
 * @param maxWait           the longest a verdict long poll may wait
 * @param maxBody           the largest request body accepted
 */
@ConfigurationProperties("preflight.api")
record ApiSettings(@DefaultValue("600") int requestsPerMinute, @DefaultValue("900s") Duration maxWait,
                   @DefaultValue("65536") int maxBody) {
}
