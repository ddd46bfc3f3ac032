package preflight.slack.bolt;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import preflight.system.MissingSetting;

/**
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, SLACK_API_URL, and SLACK_HTTP_TIMEOUT:
 * how long one Web API call may take (connect, write, read) before it is given up and retried.
 */
@ConfigurationProperties("slack")
record SlackSettings(String botToken, String signingSecret, String appToken,
                     @DefaultValue("https://slack.com/api/") String apiUrl,
                     @DefaultValue("10s") Duration httpTimeout) {

    SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new MissingSetting("SLACK_BOT_TOKEN",
                    "the bot token (xoxb-…) from your Slack app's OAuth & Permissions page");
        }
        // fields are not assigned yet inside a compact constructor: test the parameter
        boolean socketMode = appToken != null && !appToken.isBlank();
        if (!socketMode && (signingSecret == null || signingSecret.isBlank())) {
            throw new MissingSetting("SLACK_SIGNING_SECRET",
                    "the signing secret from your Slack app's Basic Information page"
                            + " (or set SLACK_APP_TOKEN to use Socket Mode)");
        }
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
    }

    boolean socketMode() {
        return appToken != null && !appToken.isBlank();
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", socketMode=" + socketMode() + ", httpTimeout=" + httpTimeout + "]";
    }
}
