package preflight.checklist;

import java.util.regex.Pattern;

final class MarkdownText {

    private static final Pattern STRONG_STARS = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern STRONG_UNDERSCORES = Pattern.compile("(?<![\\p{L}\\p{N}_])__(.+?)__(?![\\p{L}\\p{N}_])");
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\p{L}\\p{N}*])\\*(?![\\s*])(.+?)(?<![\\s*])\\*(?![\\p{L}\\p{N}*])");
    // Underscores inside words are snake_case identifiers, not emphasis.
    private static final Pattern EM_UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}_])_(?![\\s_])(.+?)(?<![\\s_])_(?![\\p{L}\\p{N}_])");

    private MarkdownText() {
    }

    static String stripEmphasis(String text) {
        String result = STRONG_STARS.matcher(text).replaceAll("$1");
        result = STRONG_UNDERSCORES.matcher(result).replaceAll("$1");
        result = EM_STAR.matcher(result).replaceAll("$1");
        result = EM_UNDERSCORE.matcher(result).replaceAll("$1");
        return result.strip();
    }

    static String plain(String text) {
        return stripEmphasis(text).replace("`", "").replaceAll("\\s+", " ").strip();
    }

    static int indentColumns(String leadingWhitespace) {
        int column = 0;
        for (char c : leadingWhitespace.toCharArray()) {
            column = c == '\t' ? column + 4 - column % 4 : column + 1;
        }
        return column;
    }
}
