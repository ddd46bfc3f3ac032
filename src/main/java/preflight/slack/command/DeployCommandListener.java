package preflight.slack.command;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.JsonOps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import preflight.slack.bolt.ReplayedRequest;
import preflight.slack.bolt.SlackListener;
import preflight.slack.text.Mrkdwn;

/** {@code /deploy}: dispatches to the subcommand named by the first word. */
@Component
class DeployCommandListener implements SlackListener {

    static final String COMMAND = "/deploy";
    private static final Logger log = LoggerFactory.getLogger(DeployCommandListener.class);
    private static final int MAX_TEXT = 1000;

    private final Map<String, DeploySubcommand> subcommands = new LinkedHashMap<>();
    private final String usage;
    /** The answer to the most frequent command, serialised once. */
    private final String helpJson;

    DeployCommandListener(List<DeploySubcommand> subcommands) {
        subcommands.forEach(subcommand -> this.subcommands.put(subcommand.name(), subcommand));
        this.usage = usage(this.subcommands.values());
        this.helpJson = JsonOps.toJsonString(SlashCommandResponse.builder()
                .text("Preflight runs your release checklist in a Slack thread. " + usage).build());
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, this::handle);
    }

    Response handle(SlashCommandRequest request, SlashCommandContext context) {
        var payload = request.getPayload();
        String text = payload.getText() == null ? "" : payload.getText().strip();
        if (text.length() > MAX_TEXT) {
            return context.ack("That command is too long (" + text.length() + " characters). " + usage());
        }
        List<String> words = text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        if (words.isEmpty()) {
            return context.ack(usage());
        }
        if (words.getFirst().equalsIgnoreCase("help")) {
            return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                    .body(helpJson).build();
        }
        var subcommand = subcommands.get(words.getFirst().toLowerCase());
        if (subcommand == null) {
            return context.ack("I don't know `" + Mrkdwn.escape(Mrkdwn.truncate(words.getFirst(), 40))
                    + "`. " + usage());
        }
        try {
            var reply = subcommand.handle(payload, words.subList(1, words.size()));
            if (reply.inChannel()) {
                return context.ack(SlashCommandResponse.builder().responseType("in_channel").text(reply.text()).build());
            }
            return reply.text() == null ? context.ack() : context.ack(reply.text());
        } catch (ReplayedRequest replay) {
            throw replay;
        } catch (RuntimeException e) {
            log.error("/deploy {} failed", subcommand.name(), e);
            return context.ack("Sorry, something went wrong on my side and nothing was changed. Please try again.");
        }
    }

    String usage() {
        return usage;
    }

    private static String usage(Collection<DeploySubcommand> subcommands) {
        var usage = new StringBuilder("Usage:");
        subcommands.forEach(s -> usage.append("\n• `").append(COMMAND).append(' ').append(s.usage()));
        usage.append("\n• `").append(COMMAND).append(" help` — this help");
        return usage.toString();
    }
}
