package preflight.slack.text;

/** What Slack's ids say about what they name. */
public final class SlackIds {

    private SlackIds() {
    }

    /** User groups ("subteams") are S…; users are U… or W…. */
    public static boolean isGroup(String id) {
        return id != null && id.startsWith("S");
    }
}
