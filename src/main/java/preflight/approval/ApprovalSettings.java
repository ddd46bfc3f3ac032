package preflight.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code PREFLIGHT_APPROVAL_…}.
 *
 * @param selfSign      the person who started a release may sign its roles; false by default so that
 *                      nobody can start a release and sign it off alone
 * @param groupCacheTtl how long the members of a user group (and who is a workspace admin) are cached
 */
@ConfigurationProperties("preflight.approval")
public record ApprovalSettings(@DefaultValue("false") boolean selfSign,
                               @DefaultValue("60s") Duration groupCacheTtl) {
}
