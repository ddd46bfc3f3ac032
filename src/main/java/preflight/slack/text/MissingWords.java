package preflight.slack.text;

import java.util.List;
import java.util.stream.Collectors;

import preflight.deployment.Missing;
import preflight.words.MissingText;

/** How Slack words what stands between a release and GO; each is written here once. */
public final class MissingWords {

    private MissingWords() {
    }

    /** One line, "3 items unticked · QA Lead not signed": plain text, not yet escaped for mrkdwn. */
    public static String joined(List<Missing> missing, String separator) {
        return missing.stream().map(MissingText::of).collect(Collectors.joining(separator));
    }

    /** One escaped mrkdwn bullet per missing piece, "• 3 items unticked\n• QA Lead not signed". */
    public static String bullets(List<Missing> missing) {
        return missing.stream().map(m -> "• " + Mrkdwn.escape(MissingText.of(m))).collect(Collectors.joining("\n"));
    }
}
