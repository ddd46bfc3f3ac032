package preflight.slack.command;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

/** One {@code /deploy <name> …} subcommand. Runs on the request thread: answer fast. */
public interface DeploySubcommand {

    String name();

    /** One line for {@code /deploy help}: usage and what it does. */
    String usage();

    Reply handle(SlashCommandPayload command, List<String> args);

    /**
     * The answer to the command: seen only by the person who typed it, or said in the channel
     * ({@code inChannel}), where Slack shows it once under their command.
     */
    record Reply(String text, boolean inChannel) {

        public Reply(String text) {
            this(text, false);
        }

        public static Reply none() {
            return new Reply(null);
        }

        public static Reply inChannel(String text) {
            return new Reply(text, true);
        }
    }
}
