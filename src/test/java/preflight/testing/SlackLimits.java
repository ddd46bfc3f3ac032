package preflight.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks Block Kit against the limits in DESIGN.md ("Slack platform limits"). Lengths are counted in
 * code points. The 12,000-character total applies to messages only; modals have no such limit.
 */
public final class SlackLimits {

    public static final int MAX_MESSAGE_BLOCKS = 50;
    public static final int MAX_MODAL_BLOCKS = 100;
    public static final int MAX_ID = 255;
    public static final int MAX_CHECKBOX_OPTIONS = 10;
    public static final int MAX_OPTION_TEXT = 75;
    public static final int MAX_OPTION_VALUE = 75;
    public static final int MAX_ACTIONS_ELEMENTS = 25;
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_SECTION_FIELDS = 10;
    public static final int MAX_SECTION_FIELD_TEXT = 2000;
    public static final int MAX_HEADER_TEXT = 150;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_MESSAGE_BLOCK_TEXT = 12_000;
    public static final int MAX_FALLBACK_TEXT = 40_000;

    // Special mentions that notify a whole channel or a user group; escaped text (&lt;!here&gt;) does not match.
    private static final Pattern PING = Pattern.compile("<!(?:channel|here|everyone)(?:\\|[^>]*)?>|<!subteam\\^");

    private SlackLimits() {
    }

    public static List<String> violations(List<Map<String, Object>> blocks, String text, boolean modal) {
        List<String> violations = new ArrayList<>();
        List<Map<String, Object>> all = blocks == null ? List.of() : blocks;
        int maxBlocks = modal ? MAX_MODAL_BLOCKS : MAX_MESSAGE_BLOCKS;
        if (all.size() > maxBlocks) {
            violations.add(all.size() + " blocks, more than " + maxBlocks);
        }
        Set<String> blockIds = new HashSet<>();
        int totalText = 0;
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> block = all.get(i);
            String type = string(block.get("type"));
            String blockId = string(block.get("block_id"));
            String where = "block " + i + " (" + type + (blockId == null ? "" : ", block_id " + abbreviate(blockId)) + ")";
            if (blockId != null) {
                if (!blockIds.add(blockId)) {
                    violations.add(where + ": duplicate block_id");
                }
                if (length(blockId) > MAX_ID) {
                    violations.add(where + ": block_id has " + length(blockId) + " characters, more than " + MAX_ID);
                }
            }
            switch (type == null ? "" : type) {
                case "section" -> {
                    String sectionText = textOf(block.get("text"));
                    totalText += length(sectionText);
                    if (length(sectionText) > MAX_SECTION_TEXT) {
                        violations.add(where + ": text has " + length(sectionText) + " characters, more than " + MAX_SECTION_TEXT);
                    }
                    List<Object> fields = list(block.get("fields"));
                    if (fields.size() > MAX_SECTION_FIELDS) {
                        violations.add(where + ": " + fields.size() + " fields, more than " + MAX_SECTION_FIELDS);
                    }
                    for (Object field : fields) {
                        String fieldText = textOf(field);
                        totalText += length(fieldText);
                        if (length(fieldText) > MAX_SECTION_FIELD_TEXT) {
                            violations.add(where + ": a field has " + length(fieldText) + " characters, more than " + MAX_SECTION_FIELD_TEXT);
                        }
                    }
                }
                case "header" -> {
                    String headerText = textOf(block.get("text"));
                    totalText += length(headerText);
                    if (length(headerText) > MAX_HEADER_TEXT) {
                        violations.add(where + ": header text has " + length(headerText) + " characters, more than " + MAX_HEADER_TEXT);
                    }
                }
                case "actions" -> {
                    int count = list(block.get("elements")).size();
                    if (count > MAX_ACTIONS_ELEMENTS) {
                        violations.add(where + ": " + count + " elements, more than " + MAX_ACTIONS_ELEMENTS);
                    }
                }
                case "context" -> {
                    List<Object> elements = list(block.get("elements"));
                    if (elements.size() > MAX_CONTEXT_ELEMENTS) {
                        violations.add(where + ": " + elements.size() + " elements, more than " + MAX_CONTEXT_ELEMENTS);
                    }
                    for (Object element : elements) {
                        totalText += length(textOf(element));
                    }
                }
                default -> {
                }
            }
            for (Map<String, Object> element : FakeSlackApi.interactiveElements(block)) {
                totalText += checkElement(element, where, violations);
            }
        }
        if (!modal && totalText > MAX_MESSAGE_BLOCK_TEXT) {
            violations.add("blocks hold " + totalText + " characters of text, more than " + MAX_MESSAGE_BLOCK_TEXT
                    + " (Slack answers msg_blocks_too_long)");
        }
        List<String> texts = new ArrayList<>();
        collectTexts(all, texts);
        for (String t : texts) {
            if (PING.matcher(t).find()) {
                violations.add("block text would ping a channel or group: " + abbreviate(t));
            }
        }
        if (text != null) {
            if (length(text) > MAX_FALLBACK_TEXT) {
                violations.add("text has " + length(text) + " characters, more than " + MAX_FALLBACK_TEXT);
            }
            if (PING.matcher(text).find()) {
                violations.add("text would ping a channel or group: " + abbreviate(text));
            }
        }
        return violations;
    }

    public static void assertWithinLimits(FakeSlackApi.Message message) {
        List<String> violations = violations(message.blocks(), message.text(), false);
        if (!violations.isEmpty()) {
            throw new AssertionError("message " + message.channel() + "/" + message.ts() + " breaks Slack limits:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** Checks one interactive element; returns the characters of text it shows. */
    private static int checkElement(Map<String, Object> element, String where, List<String> violations) {
        String actionId = string(element.get("action_id"));
        String type = string(element.get("type"));
        String at = where + " " + type + (actionId == null ? "" : " " + abbreviate(actionId));
        if (actionId != null && length(actionId) > MAX_ID) {
            violations.add(at + ": action_id has " + length(actionId) + " characters, more than " + MAX_ID);
        }
        int shown = 0;
        if ("button".equals(type)) {
            String buttonText = textOf(element.get("text"));
            shown += length(buttonText);
            if (length(buttonText) > MAX_BUTTON_TEXT) {
                violations.add(at + ": button text has " + length(buttonText) + " characters, more than " + MAX_BUTTON_TEXT);
            }
        }
        if ("checkboxes".equals(type)) {
            List<Object> options = list(element.get("options"));
            if (options.size() > MAX_CHECKBOX_OPTIONS) {
                violations.add(at + ": " + options.size() + " options, more than " + MAX_CHECKBOX_OPTIONS);
            }
            for (Object o : options) {
                Map<String, Object> option = map(o);
                String optionText = textOf(option.get("text"));
                String description = textOf(option.get("description"));
                String value = string(option.get("value"));
                shown += length(optionText) + length(description);
                if (length(optionText) > MAX_OPTION_TEXT) {
                    violations.add(at + ": option text has " + length(optionText) + " characters, more than " + MAX_OPTION_TEXT
                            + ": " + abbreviate(optionText));
                }
                if (length(description) > MAX_OPTION_TEXT) {
                    violations.add(at + ": option description has " + length(description) + " characters, more than "
                            + MAX_OPTION_TEXT + ": " + abbreviate(description));
                }
                if (length(value) > MAX_OPTION_VALUE) {
                    violations.add(at + ": option value has " + length(value) + " characters, more than " + MAX_OPTION_VALUE);
                }
            }
            // Slack rejects initial_options that are not exactly one of the options (invalid_blocks).
            for (Object initial : list(element.get("initial_options"))) {
                if (!options.contains(initial)) {
                    violations.add(at + ": initial option " + abbreviate(String.valueOf(initial)) + " is not one of its options");
                }
            }
        }
        return shown;
    }

    // Every string under a "text" key is shown to people: text objects, rich text, placeholders, confirms.
    private static void collectTexts(Object node, List<String> into) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("text".equals(k) && v instanceof String s) {
                    into.add(s);
                } else {
                    collectTexts(v, into);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(e -> collectTexts(e, into));
        }
    }

    private static String textOf(Object textObject) {
        if (textObject instanceof Map<?, ?> m && m.get("text") instanceof String s) {
            return s;
        }
        return textObject instanceof String s ? s : null;
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }

    private static List<Object> list(Object o) {
        @SuppressWarnings("unchecked")
        List<Object> l = o instanceof List<?> ? (List<Object>) o : List.of();
        return l;
    }

    private static Map<String, Object> map(Object o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
        return m;
    }

    private static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
