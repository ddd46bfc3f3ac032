package preflight.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign a role nobody is assigned to, and how long user-group members are trusted before
 * they are looked up again ({@code PREFLIGHT_APPROVAL_…}).
 *
 * @param allowAnyoneWhenUnassigned a role with no approvers (template or channel) may be signed by anyone in the
 *                                  channel; when false it cannot be signed until approvers are assigned
 * @param starterMaySignUnassigned  the person who started the release may sign such a role too; false by default
 *                                  so that one person cannot start a release and sign every role of it
 * @param groupCacheTtl             how long the members of a user group are cached
 */
@ConfigurationProperties("preflight.approval")
public record ApprovalSettings(@DefaultValue("true") boolean allowAnyoneWhenUnassigned,
                               @DefaultValue("false") boolean starterMaySignUnassigned,
                               @DefaultValue("60s") Duration groupCacheTtl) {
}
