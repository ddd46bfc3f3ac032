package preflight.slack.text;

import java.util.regex.Pattern;

/**
 * Slack mrkdwn from untrusted text. Escaping {@code & < >} first means nothing a user or a
 * template writes can become a mention, a channel ping or a link; only the links we build
 * from Markdown afterwards are live.
 */
public final class Mrkdwn {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");

    private Mrkdwn() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Markdown as teams write it (bold, code, links) to Slack mrkdwn, escaped. */
    public static String fromMarkdown(String markdown) {
        String text = escape(markdown);
        text = BOLD.matcher(text).replaceAll(m -> "*" + (m.group(1) != null ? m.group(1) : m.group(2)).replace("$", "\\$") + "*");
        text = LINK.matcher(text).replaceAll(m -> ("<" + m.group(2) + "|" + m.group(1) + ">").replace("$", "\\$"));
        return text;
    }

    /** Markdown without its markup, for places that only show plain text. */
    public static String plain(String markdown) {
        return markdown.replace("**", "").replace("__", "").replace("`", "");
    }

    /** Cuts to at most {@code max} characters with an ellipsis, never inside an entity or a surrogate pair. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 6 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        int open = text.lastIndexOf('<', cut - 1);
        if (open >= 0 && text.indexOf('>', open) >= cut) {
            cut = open;
        }
        return text.substring(0, cut) + "…";
    }
}
