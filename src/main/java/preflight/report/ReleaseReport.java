package preflight.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything the database knows about one release, as evidence for change management: one model
 * for the Markdown document and for JSON. Durations are in seconds; times are instants (UTC).
 */
public record ReleaseReport(Release release, Verdict shipVerdict, List<Item> items, List<ProbeRun> probeRuns,
                            List<Event> signoffs, List<Event> timeline, List<Event> auditTrail, Chain chain) {

    public ReleaseReport {
        items = List.copyOf(items);
        probeRuns = List.copyOf(probeRuns);
        signoffs = List.copyOf(signoffs);
        timeline = List.copyOf(timeline);
        auditTrail = List.copyOf(auditTrail);
    }

    /**
     * @param templateDigest SHA-256 of the template snapshot the release ran
     * @param templateCommit the Git commit of the template, when templates come from Git; null otherwise
     */
    public record Release(long id, String version, String environment, String channelId, String threadLink,
                          String templateName, String templateDigest, String templateCommit, Person startedBy,
                          String status, Instant startedAt, Instant shippedAt, Instant closedAt, String closeReason,
                          Long startToShipSeconds, Long shipToCloseSeconds, Long startToCloseSeconds) {
    }

    public record Person(String id, String name) {
    }

    /**
     * How the release stood when it shipped. {@code go} false with an override: it shipped on NO-GO.
     *
     * @param detail the override reason and what was missing, as recorded; null for GO
     */
    public record Verdict(boolean go, Person shippedBy, Instant at, String overrideReason, String detail) {
    }

    /**
     * One checklist item as it ended. {@code source} says what ticked it: USER (a person), PROBE (a
     * probe, named by tickedBy) or any other source recorded.
     *
     * @param evidence what the tick recorded as proof (a probe's finding), and the probe runs that ticked it
     */
    public record Item(String id, String section, String text, int depth, boolean ticked, Person tickedBy,
                       String source, Instant tickedAt, List<String> evidence, List<Integer> probeRuns) {

        public Item {
            evidence = List.copyOf(evidence);
            probeRuns = List.copyOf(probeRuns);
        }
    }

    public record ProbeRun(int number, String onlyProbe, Person triggeredBy, String status, Instant startedAt,
                           Instant finishedAt, int passed, int failed, List<ProbeResult> results) {

        public ProbeRun {
            results = List.copyOf(results);
        }
    }

    public record ProbeResult(String probeId, String kind, String target, String outcome, long latencyMs,
                              String detail, List<String> ticked, List<String> unticked, Instant finishedAt) {

        public ProbeResult {
            ticked = List.copyOf(ticked);
            unticked = List.copyOf(unticked);
        }
    }

    /** One audit event; {@code hash} is the SHA-256 the chain stores for it. */
    public record Event(int seq, Instant at, String type, Person actor, String subject, String detail, String hash) {
    }

    /**
     * The tamper check of the audit trail.
     *
     * @param head     the stored hash of the last event: compare it with an earlier copy of the report
     * @param alteredAt positions (seq) of events whose stored hash or link does not match their content
     */
    public record Chain(boolean intact, int events, String head, List<Integer> alteredAt) {

        public Chain {
            alteredAt = List.copyOf(alteredAt);
        }
    }
}
