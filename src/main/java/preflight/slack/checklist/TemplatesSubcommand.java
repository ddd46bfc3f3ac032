package preflight.slack.checklist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.checklist.TemplateCatalogue;
import preflight.checklist.TemplateSourceStatus;
import preflight.deployment.ChannelRules;
import preflight.slack.command.DeploySubcommand;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.Refusals;

/** {@code /deploy templates [refresh]}: what can be started, which template files are broken, how Git sources stand. */
@Component
@Order(3)
class TemplatesSubcommand implements DeploySubcommand {

    /** A refresh answers within the ack budget; a slower fetch finishes in the background. */
    private static final long REFRESH_WAIT_MILLIS = 2000;

    private final TemplateCatalogue templates;
    private final ChannelRules rules;

    TemplatesSubcommand(TemplateCatalogue templates, ChannelRules rules) {
        this.templates = templates;
        this.rules = rules;
    }

    @Override
    public String name() {
        return "templates";
    }

    @Override
    public String usage() {
        return "templates [refresh]` — the checklist templates you can start; `refresh` fetches Git sources now";
    }

    @Override
    public Reply handle(SlashCommandPayload command, List<String> args) {
        if (!args.isEmpty() && args.getFirst().equalsIgnoreCase("refresh")) {
            return refresh(command);
        }
        var text = new StringBuilder("*Checklist templates*");
        for (String name : templates.names()) {
            templates.find(name).ifPresent(template -> text.append("\n• `").append(name).append("` — ")
                    .append(Mrkdwn.escape(Mrkdwn.truncate(template.checklist().title(), 80))).append(" (")
                    .append(template.checklist().items().size()).append(" items, ")
                    .append(template.checklist().signoffRoles().size()).append(" sign-off roles, ")
                    .append(template.checklist().probes().size()).append(" probes)")
                    .append(template.commit() == null ? "" : " @ `" + template.origin().shortCommit() + "`"));
        }
        templates.qualifiedNames().forEach((name, qualified) -> text.append("\nℹ️ `").append(Mrkdwn.escape(name))
                .append("` is defined by several sources: start it as ")
                .append(String.join(" or ", qualified.stream().map(q -> "`" + Mrkdwn.escape(q) + "`").toList())));
        for (var problem : templates.problems()) {
            text.append("\n⚠️ `").append(Mrkdwn.escape(problem.template())).append("` line ").append(problem.line())
                    .append(problem.commit() == null ? "" : " (" + Mrkdwn.escape(problem.source()) + " @ `"
                            + problem.commit().substring(0, 7) + "`, the last good version stays in use)")
                    .append(": ").append(Mrkdwn.escape(Mrkdwn.truncate(problem.problem(), 200)));
        }
        templates.sourceStatuses().stream().filter(TemplateSourceStatus::failing)
                .forEach(source -> text.append("\n").append(failing(source)));
        text.append("\nStart one with `/deploy start <version> <template> [environment]`.");
        return new Reply(text.toString());
    }

    private Reply refresh(SlashCommandPayload command) {
        if (!templates.hasRemoteSources()) {
            return new Reply("No Git sources are configured (`PREFLIGHT_TEMPLATES_GIT`): templates come from the"
                    + " folder and are read again as they change.");
        }
        var refusal = rules.checkAdminister(command.getChannelId(), command.getUserId());
        if (refusal.isPresent()) {
            return new Reply(Refusals.of(refusal.get()) + " Templates are fetched every few minutes anyway.");
        }
        var refresh = CompletableFuture.supplyAsync(templates::refresh,
                task -> Thread.ofVirtual().name("templates-refresh").start(task));
        try {
            var text = new StringBuilder("*Templates fetched*");
            for (var source : refresh.get(REFRESH_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                text.append("\n").append(source.failing() ? failing(source) : "✅ `" + Mrkdwn.escape(source.source())
                        + "` at `" + source.commit().substring(0, 7) + "`: " + source.templates() + " templates");
            }
            return new Reply(text.toString());
        } catch (TimeoutException e) {
            return new Reply("Fetching the Git sources… `/deploy templates` shows the result once it is done.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply("The refresh was interrupted; try again.");
        } catch (ExecutionException e) {
            return new Reply("The refresh failed; `/deploy templates` shows each source's last error.");
        }
    }

    private static String failing(TemplateSourceStatus source) {
        String since = source.lastSuccess() == null ? "never fetched yet"
                : "serving commit `" + source.commit().substring(0, 7) + "` fetched "
                + ago(source.lastSuccess()) + " ago";
        return "⚠️ Git source `" + Mrkdwn.escape(source.source()) + "` (" + Mrkdwn.escape(source.location())
                + ") cannot be fetched: " + Mrkdwn.escape(Mrkdwn.truncate(source.error(), 200)) + " — " + since
                + "; retrying.";
    }

    private static String ago(Instant then) {
        long minutes = Math.max(0, Duration.between(then, Instant.now()).toMinutes());
        return minutes < 1 ? "less than a minute" : minutes < 120 ? minutes + " min" : minutes / 60 + " h";
    }
}
