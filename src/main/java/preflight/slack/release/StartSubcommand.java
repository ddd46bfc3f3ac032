package preflight.slack.release;

import java.util.List;
import java.util.Set;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.checklist.TemplateCatalogue;
import preflight.deployment.Refused;
import preflight.deployment.ReleaseAlreadyActive;
import preflight.deployment.ReleaseNames;
import preflight.deployment.ReleaseService;
import preflight.deployment.StartRelease;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.outbox.MessageSync;
import preflight.slack.outbox.Outbox;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.Refusals;
import preflight.slack.text.SlackUsers;
import preflight.slack.text.ThreadLinks;
import preflight.words.StatusText;

/**
 * {@code /deploy start <version> [template] [environment]}. Everything is validated before
 * anything is stored; the thread itself is posted by {@link MessageSync} after the ack.
 */
@Component
@Order(1)
class StartSubcommand implements DeploySubcommand {

    /** So that {@code /deploy start v2 staging} means the default template on staging. */
    private static final Set<String> WELL_KNOWN_ENVIRONMENTS = Set.of("production", "prod", "staging", "stage",
            "preprod", "pre-production", "qa", "test", "uat", "dev", "development", "sandbox", "demo", "canary");

    private final TemplateCatalogue templates;
    private final ReleaseService deployments;
    private final ThreadLinks threadLinks;
    private final Outbox outbox;

    StartSubcommand(TemplateCatalogue templates, ReleaseService deployments, ThreadLinks threadLinks, Outbox outbox) {
        this.threadLinks = threadLinks;
        this.outbox = outbox;
        this.templates = templates;
        this.deployments = deployments;
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String usage() {
        return "start <version> [template] [environment]` — open a release thread with the checklist, e.g. "
                + "`/deploy start v1.2` or `/deploy start v2.0.0-rc1 api-service staging`";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        if (args.isEmpty()) {
            return new Reply("Which release? Usage: `/deploy " + usage());
        }
        if (args.size() > 3) {
            return new Reply("Too many words. Usage: `/deploy " + usage());
        }
        String version = args.get(0);
        if (!ReleaseNames.validVersion(version)) {
            return new Reply("`" + Mrkdwn.escape(Mrkdwn.truncate(version, 40)) + "` is not a release version I can use:"
                    + " up to 64 letters, digits and `. _ + - /`, starting with a letter or digit (e.g. `v1.2`).");
        }
        String templateName = args.size() > 1 ? args.get(1).toLowerCase() : ReleaseNames.DEFAULT_TEMPLATE;
        String environment = args.size() > 2 ? args.get(2) : ReleaseNames.DEFAULT_ENVIRONMENT;
        if (args.size() == 2 && templates.find(templateName).isEmpty()
                && WELL_KNOWN_ENVIRONMENTS.contains(templateName)) {
            environment = templateName;
            templateName = ReleaseNames.DEFAULT_TEMPLATE;
        }
        if (!ReleaseNames.validEnvironment(environment)) {
            return new Reply("`" + Mrkdwn.escape(Mrkdwn.truncate(environment, 40)) + "` is not an environment name I can"
                    + " use: up to 32 letters, digits and `. _ -` (e.g. `production`, `staging`).");
        }
        var template = templates.find(templateName);
        if (template.isEmpty()) {
            return new Reply(unknownTemplate(templateName));
        }
        var actor = SlackUsers.actor(command);
        outbox.inWorkspace(command.getTeamDomain());
        try {
            deployments.start(new StartRelease(command.getChannelId(), version, environment, templateName, actor),
                    template.get());
            return Reply.none();
        } catch (ReleaseAlreadyActive e) {
            var existing = e.existing();
            return new Reply("*" + Mrkdwn.escape(existing.version()) + "* (" + Mrkdwn.escape(existing.environment())
                    + ") is already " + StatusText.of(existing.status()) + " in this channel: "
                    + threadLinks.to(existing, "open its thread") + ". Nothing new was started.");
        } catch (Refused e) {
            return new Reply(Refusals.of(e.refusal()));
        }
    }

    private String unknownTemplate(String name) {
        String shown = Mrkdwn.escape(Mrkdwn.truncate(name, 40));
        // problems are named by file ("api.md"), templates by name ("api")
        var problem = templates.problems().stream()
                .filter(p -> p.template().equals(name) || p.template().equals(name + ".md")).findFirst();
        if (problem.isPresent()) {
            return "Template `" + shown + "` could not be loaded: line " + problem.get().line() + ": "
                    + Mrkdwn.escape(problem.get().problem()) + ". Ask your Preflight admin to fix it.";
        }
        return "I don't have a template called `" + shown + "`. Available: "
                + String.join(", ", templates.names().stream().map(n -> "`" + n + "`").toList())
                + ". Usage: `/deploy " + usage();
    }
}
