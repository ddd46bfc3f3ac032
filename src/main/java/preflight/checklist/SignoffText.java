package preflight.checklist;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class SignoffText {

    private static final Pattern HEADING = Pattern.compile("(?i)\\b(sign[- ]?offs?|approvals?|approvers?)\\b");
    private static final Pattern BLANK_TO_FILL = Pattern.compile("^(.{1,80}?)\\s*:\\s*_{2,}");
    private static final Pattern ROLE_SUFFIX = Pattern.compile("(?i)[\\s,-]*(approval|sign[- ]?off|signature|approver)$");
    // Forms print these next to the signatures, but nobody signs as "Version" or "Deployed By".
    private static final Pattern NOT_A_ROLE = Pattern.compile(
            "(?i)^((deployment|release|go[- ]?live|approval|sign[- ]?off)\\s+)?(date|time|version|status|environment|env|build|ticket|notes?|comments?)"
                    + "|(deployed|released|approved|signed|signed off)\\s+by$");
    private static final Pattern ROLE_COLUMN = Pattern.compile("(?i)^(stakeholders?|roles?|approvers?)$");
    private static final Pattern DESCRIPTION_COLUMN = Pattern.compile("(?i)^(roles?|responsibilit(y|ies)|descriptions?|area|scope|review|purpose)$");
    private static final Pattern NAME_LIKE = Pattern.compile("^\\p{L}[\\p{L}\\p{M} &/'.-]{0,48}$");
    private static final Pattern ROLE_NOUN = Pattern.compile(
            "(?i)\\b(lead|owner|team|manager|engineer|officer|director|head|architect|admin|administrator|cto|ceo|ciso|qa|devops|sre|security|ops|operations|approver|reviewer|stakeholder)s?$");

    private SignoffText() {
    }

    static boolean isSignoffHeading(String heading) {
        return HEADING.matcher(heading).find();
    }

    /** "Technical Lead approval: ______ Date: ____" names the role "Technical Lead". */
    static Optional<String> roleFromBlankLine(String markdown) {
        Matcher matcher = BLANK_TO_FILL.matcher(MarkdownText.plain(markdown));
        if (!matcher.find()) {
            return Optional.empty();
        }
        return cleanRole(matcher.group(1));
    }

    /** "**Product Owner**" with its own checks nested below it is a role; "All criteria verified" is not. */
    static Optional<String> roleFromParentItem(String markdown) {
        String text = markdown.strip();
        String name = MarkdownText.plain(text);
        if (!NAME_LIKE.matcher(name).matches() || name.split("\\s+").length > 5) {
            return Optional.empty();
        }
        boolean wholeBold = text.matches("^(\\*\\*|__)[^*_]+(\\*\\*|__)$");
        return wholeBold || ROLE_NOUN.matcher(name).find() ? cleanRole(name) : Optional.empty();
    }

    static int roleColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (ROLE_COLUMN.matcher(MarkdownText.plain(header.get(i))).matches()) {
                return i;
            }
        }
        return -1;
    }

    static int descriptionColumn(List<String> header, int roleColumn) {
        for (int i = 0; i < header.size(); i++) {
            if (i != roleColumn && DESCRIPTION_COLUMN.matcher(MarkdownText.plain(header.get(i))).matches()) {
                return i;
            }
        }
        return -1;
    }

    static Optional<String> cleanRole(String raw) {
        String name = MarkdownText.plain(raw).replaceAll("[\\s:*_-]+$", "").strip();
        String previous;
        do {
            previous = name;
            name = ROLE_SUFFIX.matcher(name).replaceAll("").strip();
        } while (!name.equals(previous));
        if (name.isEmpty() || name.matches("[_\\-.\\s]*") || NOT_A_ROLE.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    static String cellText(String cell) {
        String text = MarkdownText.plain(cell);
        return text.matches("[_\\-.\\s]*") ? "" : text;
    }
}
