package preflight.slack.checklist;

import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.checklist.TemplateCatalogue;

/** {@code /deploy templates}: what can be started, and which template files are broken. */
@Component
@Order(3)
class TemplatesSubcommand implements DeploySubcommand {

    private final TemplateCatalogue templates;

    TemplatesSubcommand(TemplateCatalogue templates) {
        this.templates = templates;
    }

    @Override
    public String name() {
        return "templates";
    }

    @Override
    public String usage() {
        return "templates` — the checklist templates you can start";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        var text = new StringBuilder("*Checklist templates*");
        for (String name : templates.names()) {
            templates.find(name).ifPresent(template -> text.append("\n• `").append(name).append("` — ")
                    .append(Mrkdwn.escape(Mrkdwn.truncate(template.checklist().title(), 80))).append(" (")
                    .append(template.checklist().items().size()).append(" items, ")
                    .append(template.checklist().signoffRoles().size()).append(" sign-off roles, ")
                    .append(template.checklist().probes().size()).append(" probes)"));
        }
        for (var problem : templates.problems()) {
            text.append("\n⚠️ `").append(Mrkdwn.escape(problem.template())).append("` line ").append(problem.line())
                    .append(": ").append(Mrkdwn.escape(Mrkdwn.truncate(problem.problem(), 200)));
        }
        text.append("\nStart one with `/deploy start <version> <template> [environment]`.");
        return new Reply(text.toString());
    }
}
