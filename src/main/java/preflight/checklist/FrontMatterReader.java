package preflight.checklist;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads and validates the YAML front matter; works on the node tree so every problem can name its line. */
final class FrontMatterReader {

    record FrontMatter(List<ProbeDefinition> probes, List<SignoffRole> signoff, List<String> oncall, Monitoring monitoring) {

        static FrontMatter empty() {
            return new FrontMatter(List.of(), List.of(), List.of(), Monitoring.appDefault());
        }
    }

    private static final List<String> KINDS = List.of("http", "tls", "tcp", "dns");
    private static final Map<String, Set<String>> EXPECT_KEYS = Map.of(
            "http", Set.of("status", "max_ms", "headers", "body_contains", "redirect"),
            "tls", Set.of("min_days", "min_protocol"),
            "tcp", Set.of("max_ms"),
            "dns", Set.of("address"));
    private static final Map<String, String> EXPECT_KEYS_LISTED = Map.of(
            "http", "status, max_ms, headers, body_contains, redirect",
            "tls", "min_days, min_protocol",
            "tcp", "max_ms",
            "dns", "address");
    private static final Pattern PROBE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[^:\\s\\[\\]/]+):(\\d{1,5})$");
    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}\\.?$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?$");
    private static final Pattern STATUS_PATTERN = Pattern.compile("^[1-5][0-9xX]{2}$");
    private static final Pattern TLS_PROTOCOL = Pattern.compile("(?i)^(TLS\\s*v?)?1(\\.[0-3])?$");
    private static final Pattern SLACK_ID = Pattern.compile("^[UWS][A-Z0-9]{2,}$");
    private static final Pattern SLACK_MENTION = Pattern.compile("^<(?:@|!subteam\\^)([A-Z0-9]+)(?:\\|[^>]*)?>$");

    private final String file;
    private final int lineOffset;
    private final NodeValues values = new NodeValues();

    /** lineOffset is the file line of the first YAML line. */
    FrontMatterReader(String file, int lineOffset) {
        this.file = file;
        this.lineOffset = lineOffset;
    }

    FrontMatter read(String yaml, List<Item> items) {
        Node root = compose(yaml);
        if (root == null || root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return FrontMatter.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            throw fail(root, "front matter must be a YAML mapping (probes, signoff, oncall, monitoring)");
        }
        Map<String, NodeTuple> keys = keys(mapping, "front matter");
        List<ProbeDefinition> probes = keys.containsKey("probes") ? probes(keys.get("probes").getValueNode(), items) : List.of();
        List<SignoffRole> signoff = keys.containsKey("signoff") ? signoff(keys.get("signoff").getValueNode()) : List.of();
        List<String> oncall = keys.containsKey("oncall") ? slackIds(keys.get("oncall").getValueNode(), "oncall") : List.of();
        Monitoring monitoring = keys.containsKey("monitoring")
                ? monitoring(keys.get("monitoring").getValueNode()) : Monitoring.appDefault();
        return new FrontMatter(probes, signoff, oncall, monitoring);
    }

    private Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? lineOffset - 1 : mark.getLine() + lineOffset;
            throw new TemplateException(file, line, "front matter is not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new TemplateException(file, lineOffset - 1, "front matter is not valid YAML: " + e.getMessage());
        }
    }

    private List<ProbeDefinition> probes(Node node, List<Item> items) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(node, "probes must be a list, one '- id: …' entry per probe");
        }
        List<ProbeDefinition> probes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node entry : sequence.getValue()) {
            ProbeDefinition probe = probe(entry, items);
            Integer firstLine = seen.putIfAbsent(probe.id(), probe.line());
            if (firstLine != null) {
                throw new TemplateException(file, probe.line(),
                        "duplicate probe id '" + probe.id() + "' (first defined at line " + firstLine + ")");
            }
            probes.add(probe);
        }
        return probes;
    }

    private ProbeDefinition probe(Node node, List<Item> items) {
        if (!(node instanceof MappingNode mapping)) {
            throw fail(node, "each probe must be a mapping with an id and one of http, tls, tcp, dns");
        }
        Map<String, NodeTuple> keys = keys(mapping, "probe");
        NodeTuple idEntry = keys.get("id");
        if (idEntry == null || isNull(idEntry.getValueNode())) {
            throw fail(node, "probe has no id");
        }
        String id = scalarText(idEntry.getValueNode(), "probe id");
        if (!PROBE_ID.matcher(id).matches()) {
            throw fail(idEntry.getValueNode(), "probe id '" + id + "' may only use letters, digits, '.', '_' and '-'");
        }
        List<NodeTuple> kinds = KINDS.stream().filter(keys::containsKey).map(keys::get).toList();
        if (kinds.isEmpty()) {
            throw fail(node, "probe '" + id + "' has no target: give one of http, tls, tcp, dns");
        }
        if (kinds.size() > 1) {
            throw fail(kinds.get(1).getKeyNode(), "probe '" + id + "' has more than one kind ("
                    + String.join(", ", kinds.stream().map(tuple -> keyName(tuple)).toList()) + "); use exactly one of http, tls, tcp, dns");
        }
        NodeTuple kindEntry = kinds.getFirst();
        String kind = keyName(kindEntry);
        Node targetNode = kindEntry.getValueNode();
        if (isNull(targetNode) || targetNode instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
            throw fail(kindEntry.getKeyNode(), "probe '" + id + "' has no target");
        }
        String target = scalarText(targetNode, "probe '" + id + "' target").strip();
        validateTarget(id, kind, target, targetNode);

        Map<String, Object> expect = keys.containsKey("expect") ? expect(id, kind, keys.get("expect").getValueNode()) : Map.of();
        List<String> ticks = keys.containsKey("ticks") ? ticks(id, keys.get("ticks").getValueNode(), items) : List.of();
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            String key = entry.getKey();
            if (key.equals("id") || key.equals("expect") || key.equals("ticks") || KINDS.contains(key)) {
                continue;
            }
            options.put(key, option(id, key, entry.getValue().getValueNode()));
        }
        return new ProbeDefinition(id, kind, target, expect, ticks, options, line(node));
    }

    private void validateTarget(String id, String kind, String target, Node node) {
        switch (kind) {
            case "http" -> {
                if (!isHttpUrl(target)) {
                    throw fail(node, "probe '" + id + "': http target '" + target + "' is not an http(s) URL");
                }
            }
            case "tls", "tcp" -> {
                Matcher matcher = HOST_PORT.matcher(target);
                int port = matcher.matches() ? Integer.parseInt(matcher.group(2)) : -1;
                boolean validHost = matcher.matches()
                        && (matcher.group(1).startsWith("[") || HOSTNAME.matcher(matcher.group(1)).matches());
                if (!validHost || port < 1 || port > 65535) {
                    throw fail(node, "probe '" + id + "': " + kind + " target '" + target + "' must be host:port with a port from 1 to 65535");
                }
            }
            case "dns" -> {
                if (!HOSTNAME.matcher(target).matches()) {
                    throw fail(node, "probe '" + id + "': dns target '" + target + "' is not a hostname");
                }
            }
            default -> throw new IllegalStateException(kind);
        }
    }

    private static boolean isHttpUrl(String target) {
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Map<String, Object> expect(String id, String kind, Node node) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw fail(node, "probe '" + id + "': expect must be a mapping, e.g. {status: 200}");
        }
        Map<String, Object> expect = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : keys(mapping, "expect").entrySet()) {
            String key = entry.getKey();
            Node value = entry.getValue().getValueNode();
            if (!EXPECT_KEYS.get(kind).contains(key)) {
                throw fail(entry.getValue().getKeyNode(), "probe '" + id + "': unknown expect key '" + key + "' for "
                        + kind + " (known: " + EXPECT_KEYS_LISTED.get(kind) + ")");
            }
            String what = "probe '" + id + "': expect." + key;
            Object converted = switch (key) {
                case "status" -> status(what, value);
                case "max_ms" -> positiveInt(what, value);
                case "min_days" -> nonNegativeInt(what, value);
                case "headers" -> stringList(what, value);
                case "body_contains" -> text(what, value);
                case "redirect" -> redirect(what, value);
                case "min_protocol" -> tlsProtocol(what, value);
                case "address" -> stringList(what, value);
                default -> throw new IllegalStateException(key);
            };
            expect.put(key, converted);
        }
        return expect;
    }

    private Object status(String what, Node node) {
        Object value = values.of(node);
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw fail(node, what + " must list at least one status code");
            }
            List<Integer> codes = new ArrayList<>();
            for (Node element : ((SequenceNode) node).getValue()) {
                codes.add(statusCode(what, element));
            }
            return List.copyOf(codes);
        }
        if (value instanceof String text && STATUS_PATTERN.matcher(text.strip()).matches()) {
            String pattern = text.strip().toLowerCase(Locale.ROOT);
            return pattern.matches("\\d{3}") ? Integer.valueOf(pattern) : pattern;
        }
        if (value instanceof String || !(node instanceof ScalarNode)) {
            throw fail(node, what + " must be a status code like 200, a class like \"2xx\", or a list like [200, 204]");
        }
        return statusCode(what, node);
    }

    private int statusCode(String what, Node node) {
        Object value = values.of(node);
        if (value instanceof Integer code && code >= 100 && code <= 599) {
            return code;
        }
        throw fail(node, what + " must be a status code from 100 to 599, got '" + display(node) + "'");
    }

    private int positiveInt(String what, Node node) {
        Object value = values.of(node);
        if (value instanceof Integer number && number > 0) {
            return number;
        }
        throw fail(node, what + " must be a whole number above 0, got '" + display(node) + "'");
    }

    private int nonNegativeInt(String what, Node node) {
        Object value = values.of(node);
        if (value instanceof Integer number && number >= 0) {
            return number;
        }
        throw fail(node, what + " must be a whole number of 0 or more, got '" + display(node) + "'");
    }

    private List<String> stringList(String what, Node node) {
        if (node instanceof ScalarNode && !isNull(node)) {
            return List.of(text(what, node));
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw fail(node, what + " must be a text or a list of texts");
        }
        return sequence.getValue().stream().map(element -> text(what, element)).toList();
    }

    private String text(String what, Node node) {
        if (!(node instanceof ScalarNode scalar) || isNull(node) || scalar.getValue().isBlank()) {
            throw fail(node, what + " must be a non-empty text");
        }
        return scalar.getValue();
    }

    private Object redirect(String what, Node node) {
        Object value = values.of(node);
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw fail(node, what + " must be true/false or the expected location, e.g. https");
    }

    private String tlsProtocol(String what, Node node) {
        String value = text(what, node).strip();
        if (!TLS_PROTOCOL.matcher(value).matches()) {
            throw fail(node, what + " must be a TLS version such as TLSv1.2 or TLSv1.3, got '" + value + "'");
        }
        return value;
    }

    private List<String> ticks(String id, Node node, List<Item> items) {
        if (isNull(node)) {
            return List.of();
        }
        List<Node> entries = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        List<String> ids = new ArrayList<>();
        for (Node entry : entries) {
            if (!(entry instanceof ScalarNode scalar) || isNull(entry) || scalar.getValue().isBlank()) {
                throw fail(entry, "probe '" + id + "': ticks must list item ids or the start of item texts");
            }
            String wanted = scalar.getValue().strip();
            String itemId = resolveTick(wanted, items).orElseThrow(() -> fail(entry,
                    "probe '" + id + "' ticks '" + wanted + "', but no item has that id or starts with that text"));
            if (!ids.contains(itemId)) {
                ids.add(itemId);
            }
        }
        return ids;
    }

    static Optional<String> resolveTick(String wanted, List<Item> items) {
        for (Item item : items) {
            if (item.id().equals(wanted)) {
                return Optional.of(item.id());
            }
        }
        String prefix = MarkdownText.plain(wanted).toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        return items.stream()
                .filter(item -> MarkdownText.plain(item.text()).toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(Item::id)
                .findFirst();
    }

    private Object option(String id, String key, Node node) {
        if (key.equals("timeout")) {
            return duration("probe '" + id + "': timeout", node);
        }
        if (key.equals("method")) {
            String method = text("probe '" + id + "': method", node).strip().toUpperCase(Locale.ROOT);
            if (!method.matches("[A-Z]+")) {
                throw fail(node, "probe '" + id + "': method '" + method + "' is not an HTTP method");
            }
            return method;
        }
        return values.of(node);
    }

    private List<SignoffRole> signoff(Node node) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw fail(node, "signoff must map role names to Slack ids, e.g. 'Tech Lead: [U01ABC]'");
        }
        List<SignoffRole> roles = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> entry : keys(mapping, "signoff").entrySet()) {
            String role = entry.getKey().strip();
            if (role.isEmpty()) {
                throw fail(entry.getValue().getKeyNode(), "signoff has a role without a name");
            }
            List<String> approvers = slackIds(entry.getValue().getValueNode(), "signoff '" + role + "'");
            roles.add(new SignoffRole(role, "", approvers, line(entry.getValue().getKeyNode())));
        }
        return roles;
    }

    private List<String> slackIds(Node node, String what) {
        if (isNull(node)) {
            return List.of();
        }
        List<Node> entries = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        List<String> ids = new ArrayList<>();
        for (Node entry : entries) {
            if (!(entry instanceof ScalarNode scalar)) {
                throw fail(entry, what + " must list Slack user ids (U…/W…) or user-group ids (S…)");
            }
            String raw = scalar.getValue().strip();
            Matcher mention = SLACK_MENTION.matcher(raw);
            String slackId = mention.matches() ? mention.group(1) : raw;
            if (!SLACK_ID.matcher(slackId).matches()) {
                throw fail(entry, what + ": '" + raw + "' is not a Slack user id (U…/W…) or user-group id (S…)");
            }
            if (!ids.contains(slackId)) {
                ids.add(slackId);
            }
        }
        return ids;
    }

    private Monitoring monitoring(Node node) {
        if (isNull(node)) {
            return Monitoring.appDefault();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw fail(node, "monitoring must be a mapping with window and/or checkins");
        }
        Map<String, NodeTuple> keys = keys(mapping, "monitoring");
        Duration window = keys.containsKey("window") && !isNull(keys.get("window").getValueNode())
                ? duration("monitoring.window", keys.get("window").getValueNode()) : null;
        List<Duration> checkins = new ArrayList<>();
        if (keys.containsKey("checkins") && !isNull(keys.get("checkins").getValueNode())) {
            Node value = keys.get("checkins").getValueNode();
            List<Node> entries = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            for (Node entry : entries) {
                checkins.add(duration("monitoring.checkins", entry));
            }
        }
        return new Monitoring(window, checkins);
    }

    private Duration duration(String what, Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw fail(node, what + " must be a duration such as 24h, 90m, 5s or PT24H");
        }
        try {
            return Durations.parse(scalar.getValue());
        } catch (IllegalArgumentException e) {
            throw fail(node, what + ": " + e.getMessage());
        }
    }

    private Map<String, NodeTuple> keys(MappingNode mapping, String where) {
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode)) {
                throw fail(tuple.getKeyNode(), where + " keys must be plain names");
            }
            String key = keyName(tuple);
            if (keys.putIfAbsent(key, tuple) != null) {
                throw fail(tuple.getKeyNode(), where + " has the key '" + key + "' twice");
            }
        }
        return keys;
    }

    private static String keyName(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue();
    }

    private String scalarText(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw fail(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    private static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static String display(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : node.getNodeId().name();
    }

    private int line(Node node) {
        return node.getStartMark().getLine() + lineOffset;
    }

    private TemplateException fail(Node node, String problem) {
        return new TemplateException(file, line(node), problem);
    }

    /** Turns a node into plain Java values (Integer, String, Boolean, List, Map) with SnakeYAML's safe rules. */
    private final class NodeValues extends SafeConstructor {

        NodeValues() {
            super(new LoaderOptions());
        }

        Object of(Node node) {
            try {
                return constructObject(node);
            } catch (YAMLException e) {
                throw fail(node, "cannot read value '" + display(node) + "': " + e.getMessage());
            }
        }
    }
}
