package preflight.deployment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code PREFLIGHT_ADMINS} and {@code PREFLIGHT_MAX_ACTIVE_RELEASES}.
 *
 * @param admins            user ids and user groups who administer every channel's rules, besides
 *                          the workspace's admins and owners
 * @param maxActiveReleases active releases a channel may have at once, so one person cannot flood it
 */
@ConfigurationProperties("preflight")
public record AccessSettings(@DefaultValue List<String> admins, @DefaultValue("20") int maxActiveReleases) {

    public AccessSettings {
        admins = admins == null ? List.of() : admins.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
        maxActiveReleases = maxActiveReleases <= 0 ? 20 : maxActiveReleases;
    }
}
