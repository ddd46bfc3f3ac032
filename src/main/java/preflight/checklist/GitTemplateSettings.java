package preflight.checklist;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code PREFLIGHT_TEMPLATES_GIT} (comma-separated {@code url[#branch][:path]}), {@code PREFLIGHT_TEMPLATES_GIT_TOKEN}
 * (HTTPS), {@code PREFLIGHT_TEMPLATES_GIT_SSH_KEY} (a private key file for {@code git@…} / {@code ssh://} remotes) and
 * {@code PREFLIGHT_TEMPLATES_GIT_REFRESH}.
 */
@ConfigurationProperties("preflight")
public record GitTemplateSettings(String templatesGit, String templatesGitToken, Path templatesGitSshKey,
                                  @DefaultValue("1m") Duration templatesGitRefresh) {

    public GitTemplateSettings {
        templatesGitRefresh = templatesGitRefresh == null || templatesGitRefresh.isNegative() || templatesGitRefresh.isZero()
                ? Duration.ofMinutes(1) : templatesGitRefresh;
    }

    static GitTemplateSettings none() {
        return new GitTemplateSettings(null, null, null, null);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "GitTemplateSettings[templatesGit=" + GitSourceSpec.withoutCredentials(templatesGit)
                + ", templatesGitToken=" + (templatesGitToken == null ? "unset" : "***")
                + ", templatesGitSshKey=" + templatesGitSshKey + ", templatesGitRefresh=" + templatesGitRefresh + "]";
    }
}
