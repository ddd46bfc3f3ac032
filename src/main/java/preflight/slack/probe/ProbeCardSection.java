package preflight.slack.probe;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.checklist.ProbeDefinition;
import preflight.deployment.Release;
import preflight.probe.ProbeRun;
import preflight.probe.ProbeRunResult;
import preflight.probe.ProbeRuns;
import preflight.slack.release.CardSection;
import preflight.slack.text.Mrkdwn;
import preflight.slack.text.SlackDates;

/**
 * The release card's probe line — the latest run's summary, e.g. "3/4 passed · 2 minutes ago ·
 * health ✅ cert ❌ …" — and its "Run probes" button, for releases whose template has probes.
 */
@Component
@Order(20)
class ProbeCardSection implements CardSection {

    static final String RUN_ACTION = "probe_run";
    private static final int PROBES_SHOWN = 15;
    private static final int TEXT_MAX = 2000;

    private final ProbeRuns runs;

    ProbeCardSection(ProbeRuns runs) {
        this.runs = runs;
    }

    @Override
    public List<LayoutBlock> blocks(Release deployment) {
        var probes = runs.probesOf(deployment);
        if (probes.isEmpty()) {
            return List.of();
        }
        var latest = runs.latestRun(deployment.id());
        String summary = latest.map(run -> summary(run, probes)).orElse(probes.size() + (probes.size() == 1 ? " probe" : " probes")
                + " defined, not run yet: press *Run probes* or use `/deploy probe`");
        String text = Mrkdwn.truncate("*Probes*  " + summary, TEXT_MAX);
        return List.of(section(s -> s.blockId("card:probes").text(markdownText(text))));
    }

    @Override
    public List<ButtonElement> buttons(Release deployment) {
        if (!deployment.status().active() || runs.probesOf(deployment).isEmpty()) {
            return List.of();
        }
        return List.of(ButtonElement.builder()
                .actionId(RUN_ACTION)
                .text(plainText("🔎 Run probes", true))
                .value("run")
                .build());
    }

    private String summary(ProbeRun run, List<ProbeDefinition> defined) {
        var text = new StringBuilder();
        if (!run.fullRun()) {
            text.append("re-check of `").append(Mrkdwn.escape(run.onlyProbe())).append("`: ");
        }
        text.append(switch (run.status()) {
            case RUNNING -> "run #" + run.number() + " in progress, " + run.done() + " of " + run.probeCount() + " done";
            case FINISHED -> run.passed() + "/" + run.probeCount() + " passed · "
                    + SlackDates.ago(run.finishedAt());
            case INTERRUPTED -> "run #" + run.number() + " interrupted, " + run.done() + " of " + run.probeCount()
                    + " finished";
        });
        Map<String, ProbeRunResult> results = new HashMap<>();
        runs.results(run).forEach(result -> results.put(result.probeId(), result));
        var probes = defined.stream()
                .filter(probe -> run.fullRun() || probe.id().equals(run.onlyProbe()))
                .toList();
        text.append(" ·");
        for (var probe : probes.subList(0, Math.min(PROBES_SHOWN, probes.size()))) {
            var result = results.get(probe.id());
            String mark = result == null ? (run.running() ? "⏳" : "⚠️") : result.passed() ? "✅" : "❌";
            text.append(' ').append(Mrkdwn.escape(probe.id())).append(' ').append(mark);
        }
        if (probes.size() > PROBES_SHOWN) {
            text.append(" +").append(probes.size() - PROBES_SHOWN).append(" more");
        }
        return text.toString();
    }
}
