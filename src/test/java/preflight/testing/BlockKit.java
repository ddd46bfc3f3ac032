package preflight.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.reflect.TypeToken;
import com.slack.api.util.json.GsonFactory;

import preflight.slack.outbox.RenderedMessage;

/** Reads Block Kit as tests see it: the JSON Slack receives, checkbox options and their state. */
public final class BlockKit {

    private BlockKit() {
    }

    public static List<String> optionValues(List<FakeSlackApi.Message> messages) {
        return messages.stream().flatMap(m -> m.blocks().stream())
                .filter(block -> "actions".equals(block.get("type")))
                .flatMap(block -> ((List<?>) block.get("elements")).stream())
                .map(element -> (Map<?, ?>) element)
                .filter(element -> "checkboxes".equals(element.get("type")))
                .flatMap(element -> ((List<?>) element.get("options")).stream())
                .map(option -> (String) ((Map<?, ?>) option).get("value"))
                .toList();
    }

    public static List<String> selected(FakeSlackApi.Message message) {
        return checkboxes(message).stream()
                .map(element -> (List<?>) element.get("initial_options"))
                .filter(java.util.Objects::nonNull)
                .flatMap(List::stream)
                .map(option -> (String) ((Map<?, ?>) option).get("value"))
                .toList();
    }

    public static String descriptions(FakeSlackApi.Message message) {
        return checkboxes(message).stream()
                .flatMap(element -> ((List<?>) element.get("options")).stream())
                .map(option -> (Map<?, ?>) ((Map<?, ?>) option).get("description"))
                .filter(java.util.Objects::nonNull)
                .map(description -> (String) description.get("text"))
                .reduce("", String::concat);
    }

    public static List<Map<?, ?>> checkboxes(FakeSlackApi.Message message) {
        return message.blocks().stream()
                .filter(block -> "actions".equals(block.get("type")))
                .flatMap(block -> ((List<?>) block.get("elements")).stream())
                .<Map<?, ?>>map(element -> (Map<?, ?>) element)
                .filter(element -> "checkboxes".equals(element.get("type")))
                .toList();
    }

    public static List<Map<String, Object>> json(RenderedMessage message) {
        var gson = GsonFactory.createSnakeCase();
        return new ArrayList<>(gson.fromJson(gson.toJson(message.blocks()),
                new TypeToken<List<Map<String, Object>>>() { }.getType()));
    }
}
