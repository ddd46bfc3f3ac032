package preflight.slack.probe;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.slack.api.model.block.LayoutBlock;

import org.springframework.stereotype.Component;

import preflight.checklist.Checklist;
import preflight.checklist.ProbeDefinition;
import preflight.deployment.Actor;
import preflight.deployment.ItemTick;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.TickSource;
import preflight.probe.ProbeRun;
import preflight.probe.ProbeRunResult;
import preflight.probe.ProbeRuns;
import preflight.slack.outbox.MessageKind;
import preflight.slack.outbox.MessageRenderer;
import preflight.slack.outbox.OutboxMessage;
import preflight.slack.outbox.RenderedMessage;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackDates;

/**
 * The thread message of one probe run: per probe its outcome, latency, the detail that matters
 * (status code, days to expiry, missing header) and what it did to the checklist. Probe output
 * comes from servers we do not control, so all of it is escaped; a template with many probes is
 * cut to fit Slack's limits with a count of what is not shown.
 */
@Component
public class ProbeRunMessageRenderer implements MessageRenderer {

    private static final int SECTION_TEXT_MAX = 2900;
    private static final int RESULT_BLOCKS_MAX = 40;
    private static final int TEXT_BUDGET = 10_000;
    private static final int DETAIL_MAX = 300;
    private static final int ITEM_LABEL_MAX = 60;
    private static final int ITEMS_SHOWN = 3;
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");

    private final ProbeRuns runs;
    private final ReleaseService deployments;

    ProbeRunMessageRenderer(ProbeRuns runs, ReleaseService deployments) {
        this.runs = runs;
        this.deployments = deployments;
    }

    @Override
    public MessageKind kind() {
        return MessageKind.PROBE_RUN;
    }

    @Override
    public RenderedMessage render(OutboxMessage message) {
        return render(deployments.find(message.releaseId()).orElseThrow(), message.firstItem());
    }

    public RenderedMessage render(Release deployment, int runNumber) {
        var run = runs.run(deployment.id(), runNumber).orElseThrow();
        return render(deployment, run, runs.probesOf(deployment), runs.results(run),
                deployments.checklistOf(deployment), deployments.ticksOf(deployment.id()));
    }

    public RenderedMessage render(Release deployment, ProbeRun run, List<ProbeDefinition> probes,
                           List<ProbeRunResult> results, Checklist checklist, Map<String, ItemTick> ticks) {
        Map<String, ProbeRunResult> byProbe = new LinkedHashMap<>();
        results.forEach(result -> byProbe.put(result.probeId(), result));
        var selected = run.fullRun() ? probes
                : probes.stream().filter(probe -> probe.id().equals(run.onlyProbe())).toList();

        var blocks = new ArrayList<LayoutBlock>();
        String head = header(deployment, run);
        blocks.add(section(s -> s.blockId("pr:head").text(markdownText(head))));

        var lines = new ArrayList<String>();
        for (var probe : selected) {
            var result = byProbe.get(probe.id());
            lines.add(result != null ? resultLine(result, checklist, ticks) : pendingLine(probe, run));
        }
        int budget = TEXT_BUDGET - head.length();
        var current = new StringBuilder();
        int resultBlocks = 0;
        int shown = 0;
        for (String line : lines) {
            if (budget < line.length() + 1) {
                break;
            }
            if (current.length() + line.length() + 1 > SECTION_TEXT_MAX) {
                if (resultBlocks + 1 >= RESULT_BLOCKS_MAX) {
                    break;
                }
                blocks.add(resultBlock(blocks.size(), current.toString()));
                resultBlocks++;
                current.setLength(0);
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
            budget -= line.length() + 1;
            shown++;
        }
        if (shown < lines.size()) {
            var rest = selected.subList(shown, selected.size());
            long failed = rest.stream().map(p -> byProbe.get(p.id())).filter(r -> r != null && !r.passed()).count();
            long passed = rest.stream().map(p -> byProbe.get(p.id())).filter(r -> r != null && r.passed()).count();
            String more = "_…and " + rest.size() + " more probes (" + passed + " passed, " + failed + " failed)_";
            if (current.length() + more.length() + 1 > SECTION_TEXT_MAX) {
                blocks.add(resultBlock(blocks.size(), current.toString()));
                current.setLength(0);
            }
            current.append(current.isEmpty() ? "" : "\n").append(more);
        }
        if (!current.isEmpty()) {
            blocks.add(resultBlock(blocks.size(), current.toString()));
        }
        String foot = "Targets come from the template `" + Mrkdwn.escape(deployment.templateName())
                + "` · `/deploy probe " + Mrkdwn.escape(deployment.version()) + "` runs them again"
                + (run.finishedAt() == null ? "" : " · finished " + SlackDates.time(run.finishedAt()));
        blocks.add(context(c -> c.blockId("pr:foot").elements(List.of(markdownText(foot)))));
        return new RenderedMessage(fallback(deployment, run), blocks);
    }

    private static LayoutBlock resultBlock(int index, String text) {
        return section(s -> s.blockId("pr:res:" + index).text(markdownText(text)));
    }

    private static String header(Release deployment, ProbeRun run) {
        String title = "*🔎 Probe run #" + run.number() + "* for *" + Mrkdwn.escape(deployment.version()) + "* → "
                + Mrkdwn.escape(deployment.environment())
                + (run.fullRun() ? "" : " · re-check of `" + Mrkdwn.escape(run.onlyProbe()) + "`");
        return title + "\n" + status(run) + " · started by " + who(run.triggeredBy());
    }

    /** "⏳ Running: 2 of 4 done", "✅ All 4 probes passed", "❌ 3 of 4 passed, 1 failed", "⚠️ Interrupted: …". */
    public static String status(ProbeRun run) {
        return switch (run.status()) {
            case RUNNING -> "⏳ Running: " + run.done() + " of " + run.probeCount() + " done";
            case FINISHED -> run.allPassed()
                    ? "✅ " + (run.probeCount() == 1 ? "Passed" : "All " + run.probeCount() + " probes passed")
                    : "❌ " + run.passed() + " of " + run.probeCount() + " passed, " + run.failed() + " failed"
                            + (run.done() < run.probeCount() ? ", " + (run.probeCount() - run.done()) + " without a result" : "");
            case INTERRUPTED -> "⚠️ Interrupted: " + run.done() + " of " + run.probeCount()
                    + " finished before the run was lost. Run the probes again.";
        };
    }

    private static String resultLine(ProbeRunResult result, Checklist checklist, Map<String, ItemTick> ticks) {
        var line = new StringBuilder(result.passed() ? "✅ " : "❌ ")
                .append('*').append(Mrkdwn.escape(result.probeId())).append("* · ")
                .append(Mrkdwn.escape(result.kind())).append(' ').append(code(result.target()))
                .append(" · ").append(latency(result.latency()));
        if (!result.detail().isBlank()) {
            line.append("\n      ").append(Mrkdwn.truncate(Mrkdwn.escape(result.detail().replace('`', 'ˋ')), DETAIL_MAX));
        }
        if (!result.ticked().isEmpty()) {
            line.append("\n      ☑️ ticked: ").append(items(result.ticked(), checklist));
        }
        if (!result.unticked().isEmpty()) {
            line.append("\n      ↩️ unticked: ").append(items(result.unticked(), checklist));
        }
        for (String itemId : result.kept().subList(0, Math.min(ITEMS_SHOWN, result.kept().size()))) {
            var tick = ticks.get(itemId);
            if (tick != null) {
                line.append("\n      ➖ left as ticked by ").append(tickedBy(tick)).append(": ")
                        .append(items(List.of(itemId), checklist));
            }
        }
        return line.toString();
    }

    private static String pendingLine(ProbeDefinition probe, ProbeRun run) {
        return (run.running() ? "⏳ " : "⚠️ ") + '*' + Mrkdwn.escape(probe.id()) + "* · " + Mrkdwn.escape(probe.kind())
                + ' ' + code(probe.target()) + " · " + (run.running() ? "running…" : "no result");
    }

    private static String items(List<String> itemIds, Checklist checklist) {
        var labels = new ArrayList<String>();
        for (String itemId : itemIds.subList(0, Math.min(ITEMS_SHOWN, itemIds.size()))) {
            String text = checklist.item(itemId).map(item -> item.text()).orElse(itemId);
            labels.add(Mrkdwn.truncate(Mrkdwn.escape(Mrkdwn.plain(text)), ITEM_LABEL_MAX));
        }
        return String.join(" · ", labels) + (itemIds.size() > ITEMS_SHOWN
                ? " (+" + (itemIds.size() - ITEMS_SHOWN) + " more)" : "");
    }

    private static String tickedBy(ItemTick tick) {
        return tick.source() == TickSource.PROBE ? "probe " + Mrkdwn.escape(tick.by().name()) : who(tick.by());
    }

    /** A mention for a Slack user id, the escaped name for anything else. */
    public static String who(Actor actor) {
        return actor.id() != null && SLACK_USER.matcher(actor.id()).matches() ? "<@" + actor.id() + ">"
                : Mrkdwn.escape(actor.name());
    }

    /** A target as inline code: never a live link, never a ping. */
    public static String code(String target) {
        return "`" + Mrkdwn.truncate(Mrkdwn.escape(target == null ? "" : target.replace('`', 'ˋ')), 200) + "`";
    }

    public static String latency(Duration latency) {
        if (latency == null) {
            return "–";
        }
        long millis = latency.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String fallback(Release deployment, ProbeRun run) {
        return "Probe run #" + run.number() + " for " + Mrkdwn.escape(deployment.version()) + ": "
                + status(run).substring(status(run).indexOf(' ') + 1);
    }
}
