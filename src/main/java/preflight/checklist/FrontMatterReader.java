package preflight.checklist;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

/**
 * Reads and validates the YAML front matter; works on the node tree so every problem can name its line.
 * Its length is the grammar of four keys (probes, signoff, oncall, monitoring), each with its own
 * messages; what a probe kind accepts is asked of {@link ProbeKinds}, not written here.
 */
final class FrontMatterReader {

    record FrontMatter(List<ProbeDefinition> probes, List<SignoffRole> signoff, List<String> oncall, Monitoring monitoring) {

        static FrontMatter empty() {
            return new FrontMatter(List.of(), List.of(), List.of(), Monitoring.appDefault());
        }
    }

    private static final Pattern PROBE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern SLACK_ID = Pattern.compile("^[UWS][A-Z0-9]{2,}$");
    private static final Pattern SLACK_MENTION = Pattern.compile("^<(?:@|!subteam\\^)([A-Z0-9]+)(?:\\|[^>]*)?>$");

    private final String file;
    private final int lineOffset;
    private final ProbeKinds kinds;
    private final NodeValues values = new NodeValues();

    /** lineOffset is the file line of the first YAML line. */
    FrontMatterReader(String file, int lineOffset, ProbeKinds kinds) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.kinds = kinds;
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
            throw fail(node, "each probe must be a mapping with an id and one of " + kindNames());
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
        List<NodeTuple> kinds = this.kinds.names().stream().filter(keys::containsKey).map(keys::get).toList();
        if (kinds.isEmpty()) {
            throw fail(node, "probe '" + id + "' has no target: give one of " + kindNames());
        }
        if (kinds.size() > 1) {
            throw fail(kinds.get(1).getKeyNode(), "probe '" + id + "' has more than one kind ("
                    + String.join(", ", kinds.stream().map(tuple -> keyName(tuple)).toList()) + "); use exactly one of " + kindNames());
        }
        NodeTuple kindEntry = kinds.getFirst();
        String kind = keyName(kindEntry);
        Node targetNode = kindEntry.getValueNode();
        if (isNull(targetNode) || targetNode instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
            throw fail(kindEntry.getKeyNode(), "probe '" + id + "' has no target");
        }
        String target = scalarText(targetNode, "probe '" + id + "' target").strip();
        Map<String, Object> expect = keys.containsKey("expect") ? expect(id, keys.get("expect").getValueNode()) : Map.of();
        List<String> ticks = keys.containsKey("ticks") ? ticks(id, keys.get("ticks").getValueNode(), items) : List.of();
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            String key = entry.getKey();
            if (key.equals("id") || key.equals("expect") || key.equals("ticks") || this.kinds.names().contains(key)) {
                continue;
            }
            options.put(key, option(id, key, entry.getValue().getValueNode()));
        }
        var probe = new ProbeDefinition(id, kind, target, expect, ticks, options, line(node));
        this.kinds.problem(probe).ifPresent(problem -> {
            throw fail(kindEntry.getKeyNode(), "probe '" + id + "': " + problem);
        });
        return probe;
    }

    private String kindNames() {
        return String.join(", ", kinds.names());
    }

    /** Values as YAML typed them; what each kind expects is checked by the probe kinds (see {@link ProbeKinds}). */
    private Map<String, Object> expect(String id, Node node) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw fail(node, "probe '" + id + "': expect must be a mapping, e.g. {status: 200}");
        }
        Map<String, Object> expect = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : keys(mapping, "expect").entrySet()) {
            expect.put(entry.getKey(), values.of(entry.getValue().getValueNode()));
        }
        return expect;
    }

    private String text(String what, Node node) {
        if (!(node instanceof ScalarNode scalar) || isNull(node) || scalar.getValue().isBlank()) {
            throw fail(node, what + " must be a non-empty text");
        }
        return scalar.getValue();
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
