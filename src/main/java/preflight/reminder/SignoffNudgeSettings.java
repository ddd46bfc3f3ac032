package preflight.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pending sign-offs: a role still waiting {@code after} the release started gets its approvers
 * nudged, again at most every {@code interval}; the job looks every {@code checkEvery}.
 */
@ConfigurationProperties("preflight.signoff-nudge")
record SignoffNudgeSettings(@DefaultValue("2h") Duration after, @DefaultValue("4h") Duration interval,
                            @DefaultValue("5m") Duration checkEvery) {
}
