package preflight.slack.command;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

/** One {@code /deploy <name> …} subcommand. Runs on the request thread: answer fast. */
public interface DeploySubcommand {

    String name();

    /** One line for {@code /deploy help}: usage and what it does. */
    String usage();

    Reply handle(SlashCommandPayload command, List<String> args);

    /** What the person who typed the command sees (only them). */
    record Reply(String text) {

        public static Reply none() {
            return new Reply(null);
        }
    }
}
