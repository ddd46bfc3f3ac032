package preflight.slack.preview;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import preflight.checklist.Template;

/**
 * What a template would look like in Slack: the Block Kit JSON of each message a release of it posts, rendered by
 * the bot's renderers, and a link per message to Slack's Block Kit Builder, which shows it as Slack would.
 */
public final class BlockKitPreview {

    static final String BUILDER = "https://app.slack.com/block-kit-builder/#";

    /** One message of a template: its kind ({@code card}, {@code checklist-1}, {@code signoff}, {@code reminder}). */
    public record Message(String kind, int blocks, String json, String builderLink, Path file) {
    }

    /** The messages without writing anything: for the lint summary. */
    public List<Message> messages(Template template) {
        List<Message> messages = new ArrayList<>();
        for (var message : PreviewRendering.messages(template.name(), template.checklist())) {
            messages.add(new Message(message.kind(), message.blocks(), message.json(), builderLink(message.json()), null));
        }
        return messages;
    }

    /**
     * Writes {@code <folder>/<template>/NN-kind.json} per message, {@code links.txt} (one Block Kit Builder link per
     * line) and {@code index.html} (the same links to click).
     */
    public List<Message> write(Template template, Path folder) throws IOException {
        Path out = Files.createDirectories(folder.resolve(template.name()));
        List<Message> written = new ArrayList<>();
        StringBuilder links = new StringBuilder();
        StringBuilder html = new StringBuilder("<!doctype html>\n<meta charset=\"utf-8\">\n<title>")
                .append(escapeHtml(template.name())).append(" — Slack preview</title>\n<h1>")
                .append(escapeHtml(template.checklist().title())).append("</h1>\n<ol>\n");
        int n = 1;
        for (Message message : messages(template)) {
            Path file = out.resolve("%02d-%s.json".formatted(n++, message.kind()));
            Files.writeString(file, message.json() + "\n", StandardCharsets.UTF_8);
            written.add(new Message(message.kind(), message.blocks(), message.json(), message.builderLink(), file));
            links.append(message.kind()).append(' ').append(message.builderLink()).append('\n');
            html.append("<li><a href=\"").append(escapeHtml(message.builderLink())).append("\">")
                    .append(escapeHtml(message.kind())).append("</a> (").append(message.blocks()).append(" blocks, <code>")
                    .append(escapeHtml(file.getFileName().toString())).append("</code>)</li>\n");
        }
        html.append("</ol>\n");
        Files.writeString(out.resolve("links.txt"), links, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("index.html"), html, StandardCharsets.UTF_8);
        return written;
    }

    static String builderLink(String json) {
        return BUILDER + URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
