package preflight.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import preflight.checklist.Section;
import preflight.deployment.Release;
import preflight.deployment.ReleaseService;
import preflight.deployment.ThreadPermalinks;
import preflight.probe.ProbeRuns;
import preflight.report.ReleaseReport.Chain;
import preflight.report.ReleaseReport.Event;
import preflight.report.ReleaseReport.Item;
import preflight.report.ReleaseReport.Person;
import preflight.report.ReleaseReport.ProbeResult;
import preflight.report.ReleaseReport.ProbeRun;
import preflight.report.ReleaseReport.Verdict;

/**
 * The release report, built from the database only: nothing instance-local, ordered by stored
 * sequence numbers, so every instance renders the same bytes for the same release.
 *
 * <p>For the HTTP API: {@link #find(String, String)} then {@link #markdown} for {@code text/markdown},
 * or the {@link ReleaseReport} itself serialised for {@code application/json}.
 */
@Service
public class ReleaseReports {

    private static final Set<String> SIGNOFF_EVENTS = Set.of("SIGNOFF_APPROVED", "SIGNOFF_REJECTED",
            "SIGNOFF_WITHDRAWN", "APPROVERS_ASSIGNED");
    private static final Set<String> ITEM_EVENTS = Set.of("ITEM_TICKED", "ITEM_UNTICKED");

    private final ReleaseService releases;
    private final ProbeRuns probeRuns;
    private final AuditChain chain;
    private final JdbcClient jdbc;

    private final ThreadPermalinks threads;

    ReleaseReports(ReleaseService releases, ProbeRuns probeRuns, AuditChain chain, JdbcClient jdbc,
                   ThreadPermalinks threads) {
        this.threads = threads;
        this.releases = releases;
        this.probeRuns = probeRuns;
        this.chain = chain;
        this.jdbc = jdbc;
    }

    public Optional<ReleaseReport> of(long releaseId) {
        return releases.find(releaseId).map(this::build);
    }

    /** The release of that version in the channel: the active one, else the latest started. */
    public Optional<ReleaseReport> find(String channelId, String version) {
        return releases.latestByRelease(channelId, version).map(this::build);
    }

    /** The latest release of that version in any channel, for callers that know no channel. */
    public Optional<ReleaseReport> findAnywhere(String version) {
        return jdbc.sql("""
                        SELECT id FROM deployment WHERE lower(release) = lower(?)
                         ORDER BY status IN ('IN_PROGRESS', 'SHIPPED') DESC, started_at DESC, id DESC LIMIT 1""")
                .param(version)
                .query(Long.class)
                .optional()
                .flatMap(this::of);
    }

    public String markdown(ReleaseReport report) {
        return ReportMarkdown.render(report);
    }

    /** Whether the audit trail still matches its hash chain, without building the whole report. */
    public Chain verify(long releaseId) {
        return AuditChain.verify(chain.events(releaseId));
    }

    public static String fileName(ReleaseReport report) {
        return "release-" + safe(report.release().version()) + "-" + safe(report.release().environment()) + ".md";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private ReleaseReport build(Release release) {
        var stored = chain.events(release.id());
        var events = stored.stream().map(AuditChain.Stored::event).toList();
        var runs = runs(release.id());
        return new ReleaseReport(summary(release), shipVerdict(events), items(release, events, runs), runs,
                events.stream().filter(e -> SIGNOFF_EVENTS.contains(e.type())).toList(),
                events.stream().filter(e -> !SIGNOFF_EVENTS.contains(e.type()) && !ITEM_EVENTS.contains(e.type())).toList(),
                events, AuditChain.verify(stored));
    }

    private ReleaseReport.Release summary(Release release) {
        return new ReleaseReport.Release(release.id(), release.version(), release.environment(), release.channelId(),
                threads.of(release).orElse(null), release.templateName(), sha256(release.templateSource()),
                release.templateCommit(),
                new Person(release.startedBy(), release.startedByName()), release.status().name(),
                release.startedAt(), release.shippedAt(), release.closedAt(), release.closeReason(),
                seconds(release.startedAt(), release.shippedAt()), seconds(release.shippedAt(), release.closedAt()),
                seconds(release.startedAt(), release.closedAt()));
    }

    private static Verdict shipVerdict(List<Event> events) {
        return events.stream()
                .filter(e -> e.type().equals("SHIPPED") || e.type().equals("SHIPPED_WITH_OVERRIDE"))
                .reduce((first, second) -> second)
                .map(e -> {
                    boolean go = e.type().equals("SHIPPED");
                    String reason = go || e.detail() == null ? null : overrideReason(e.detail());
                    return new Verdict(go, e.actor(), e.at(), reason, go ? null : e.detail());
                })
                .orElse(null);
    }

    /** The recorded detail is "reason (missing: …)". */
    private static String overrideReason(String detail) {
        int missing = detail.lastIndexOf(" (missing: ");
        return missing < 0 ? detail : detail.substring(0, missing);
    }

    private List<Item> items(Release release, List<Event> events, List<ProbeRun> runs) {
        var checklist = releases.checklistOf(release);
        var ticks = releases.ticksOf(release.id());
        Map<String, Event> lastTick = new HashMap<>();
        events.stream().filter(e -> e.type().equals("ITEM_TICKED") && e.subject() != null)
                .forEach(e -> lastTick.put(e.subject(), e));
        Map<String, List<Integer>> tickedByRun = new HashMap<>();
        for (ProbeRun run : runs) {
            for (ProbeResult result : run.results()) {
                result.ticked().forEach(item -> tickedByRun.computeIfAbsent(item, k -> new ArrayList<>()).add(run.number()));
            }
        }
        var items = new ArrayList<Item>();
        for (Section section : checklist.sections()) {
            String sectionName = String.join(" › ", section.path());
            for (var item : section.items()) {
                var tick = ticks.get(item.id());
                var evidence = new ArrayList<String>();
                var event = lastTick.get(item.id());
                if (tick != null && event != null && event.detail() != null && !event.detail().isBlank()) {
                    evidence.add(event.detail());
                }
                items.add(new Item(item.id(), sectionName, item.text(), item.depth(), tick != null,
                        tick == null ? null : new Person(tick.by().id(), tick.by().name()),
                        tick == null ? null : tick.source().name(), tick == null ? null : tick.at(), evidence,
                        tickedByRun.getOrDefault(item.id(), List.of())));
            }
        }
        return items;
    }

    private List<ProbeRun> runs(long releaseId) {
        int last = probeRuns.latestRun(releaseId).map(preflight.probe.ProbeRun::number).orElse(0);
        var runs = new ArrayList<ProbeRun>();
        for (int number = 1; number <= last; number++) {
            probeRuns.run(releaseId, number).ifPresent(run -> runs.add(new ProbeRun(run.number(), run.onlyProbe(),
                    new Person(run.triggeredBy().id(), run.triggeredBy().name()), run.status().name(),
                    run.startedAt(), run.finishedAt(), run.passed(), run.failed(),
                    probeRuns.results(run).stream().map(result -> new ProbeResult(result.probeId(), result.kind(),
                            result.target(), result.outcome().name(), result.latency().toMillis(), result.detail(),
                            result.ticked(), result.unticked(), result.finishedAt())).toList())));
        }
        return runs;
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
