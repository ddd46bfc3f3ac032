package preflight.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import preflight.approval.RoleState;
import preflight.approval.SignoffService;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.ThreadPermalinks;
import preflight.probe.ProbeRuns;

/** Builds the API's views of a release from the database. */
@Component
class ReleaseDocuments {

    private final ReleaseService releases;
    private final SignoffService signoffs;
    private final ProbeRuns probeRuns;
    private final ThreadPermalinks permalinks;

    ReleaseDocuments(ReleaseService releases, SignoffService signoffs, ProbeRuns probeRuns,
                     ThreadPermalinks permalinks) {
        this.releases = releases;
        this.signoffs = signoffs;
        this.probeRuns = probeRuns;
        this.permalinks = permalinks;
    }

    ReleaseDocument of(Release release) {
        var verdict = signoffs.verdict(release);
        var ticks = releases.ticksOf(release.id());
        var items = releases.checklistOf(release).items().stream().map(item -> {
            var tick = ticks.get(item.id());
            return tick == null ? new ReleaseDocument.ItemDocument(item.id(), item.text(), false, null, null, null, null, null)
                    : new ReleaseDocument.ItemDocument(item.id(), item.text(), true, tick.by().id(), tick.at(),
                    tick.source().name(), tick.evidence(), tick.note());
        }).toList();
        var roles = signoffs.roles(release).stream().map(ReleaseDocuments::signoff).toList();
        return new ReleaseDocument(release.version(), release.environment(), release.templateName(), release.status(),
                new ReleaseDocument.VerdictDocument(verdict.go(), MissingWords.all(verdict.missing())), release.startedBy(),
                release.startedAt(), release.shippedAt(), release.closedAt(), release.closeReason(),
                release.overrideReason(), items, roles, runs(release.id()), permalinks.of(release).orElse(null));
    }

    VerdictAnswer verdict(Release release) {
        var verdict = signoffs.verdict(release);
        return new VerdictAnswer(release.version(), release.environment(), release.status(), verdict.go(),
                MissingWords.all(verdict.missing()));
    }

    private static ReleaseDocument.SignoffDocument signoff(RoleState role) {
        var decision = role.decision();
        return decision == null ? new ReleaseDocument.SignoffDocument(role.name(), "WAITING", null, null, null)
                : new ReleaseDocument.SignoffDocument(role.name(), decision.decision().name(), decision.by().id(),
                decision.at(), decision.reason());
    }

    private List<ReleaseDocument.ProbeRunDocument> runs(long releaseId) {
        var latest = probeRuns.latestRun(releaseId);
        var runs = new ArrayList<ReleaseDocument.ProbeRunDocument>();
        if (latest.isPresent()) {
            for (int number = 1; number <= latest.get().number(); number++) {
                probeRuns.run(releaseId, number).ifPresent(run -> runs.add(new ReleaseDocument.ProbeRunDocument(
                        run.number(), run.onlyProbe(), run.status().name(), run.probeCount(), run.passed(),
                        run.failed(), run.triggeredBy().id(), run.startedAt(), run.finishedAt())));
            }
        }
        return runs;
    }
}
