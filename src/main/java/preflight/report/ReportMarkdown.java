package preflight.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import preflight.report.ReleaseReport.Event;
import preflight.report.ReleaseReport.Item;
import preflight.report.ReleaseReport.Person;
import preflight.report.ReleaseReport.ProbeResult;
import preflight.report.ReleaseReport.ProbeRun;

/**
 * The report as a GitHub-flavoured Markdown document. Times are UTC with a fixed pattern and
 * nothing depends on the instance or the reader, so two instances produce the same bytes. Stored
 * text is escaped: it cannot become markup, an HTML tag or a chat mention.
 */
final class ReportMarkdown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    private ReportMarkdown() {
    }

    static String render(ReleaseReport report) {
        var markdown = new ReportMarkdown();
        markdown.write(report);
        return markdown.out.toString();
    }

    private void write(ReleaseReport report) {
        var release = report.release();
        line("# Release " + text(release.version()) + " → " + text(release.environment()));
        line();
        line("| | |");
        line("|---|---|");
        row("Release", text(release.version()));
        row("Environment", text(release.environment()));
        row("Status", release.status().toLowerCase(Locale.ROOT).replace('_', ' '));
        row("Template", text(release.templateName()));
        row("Template snapshot (SHA-256)", code(release.templateDigest()));
        row("Template commit", release.templateCommit() == null ? "— (template not from Git)" : code(release.templateCommit()));
        row("Channel", code(release.channelId()) + (release.threadLink() == null ? "" : ", [thread](" + release.threadLink() + ")"));
        row("Started by", person(release.startedBy()));
        row("Started", time(release.startedAt()));
        row("Shipped", release.shippedAt() == null ? "—"
                : time(release.shippedAt()) + " (start → ship " + duration(release.startToShipSeconds()) + ")");
        row("Closed", release.closedAt() == null ? "—" : time(release.closedAt())
                + (release.shipToCloseSeconds() == null ? "" : " (ship → close " + duration(release.shipToCloseSeconds()) + ")")
                + " (start → close " + duration(release.startToCloseSeconds()) + ")");
        if (release.closeReason() != null) {
            row("Close reason", text(release.closeReason()));
        }
        line();

        line("## Verdict at ship time");
        line();
        var verdict = report.shipVerdict();
        if (verdict == null) {
            line("Not shipped.");
        } else if (verdict.go()) {
            line("**GO** — shipped by " + person(verdict.shippedBy()) + " at " + time(verdict.at()) + ".");
        } else {
            line("**NO-GO, overridden** — shipped by " + person(verdict.shippedBy()) + " at " + time(verdict.at()) + ".");
            line();
            line("- Override reason: " + text(verdict.overrideReason()));
            line("- Recorded: " + text(verdict.detail()));
        }
        line();

        writeItems(report.items());
        writeProbeRuns(report.probeRuns());
        writeEvents("## Sign-offs", "No sign-off decisions.", report.signoffs());
        writeEvents("## Timeline", "No lifecycle events.", report.timeline());
        writeEvents("## Audit trail", "No events.", report.auditTrail());

        line("## Record integrity");
        line();
        var chain = report.chain();
        if (chain.intact()) {
            line("The audit trail (" + chain.events() + " events) matches its hash chain: no event was changed,"
                    + " removed or inserted after it was recorded.");
        } else {
            line("**⚠ The record was altered after the fact:** event"
                    + (chain.alteredAt().size() == 1 ? " " : "s ")
                    + chain.alteredAt().stream().map(seq -> "#" + seq).collect(Collectors.joining(", "))
                    + " of " + chain.events() + " no longer match the hash chain.");
        }
        line();
        line("Chain head (SHA-256 of the last event): " + code(chain.head()));
    }

    private void writeItems(List<Item> items) {
        long ticked = items.stream().filter(Item::ticked).count();
        line("## Checklist (" + ticked + " of " + items.size() + " ticked)");
        line();
        String section = null;
        for (Item item : items) {
            if (!item.section().equals(section)) {
                if (section != null) {
                    line();
                }
                section = item.section();
                line("### " + (section.isBlank() ? "Checklist" : text(section)));
                line();
                line("| | Item | Ticked by | When | Evidence |");
                line("|---|---|---|---|---|");
            }
            String evidence = item.evidence().stream().map(ReportMarkdown::text).collect(Collectors.joining("; "));
            if (!item.probeRuns().isEmpty()) {
                evidence += (evidence.isEmpty() ? "" : "; ") + item.probeRuns().stream().distinct()
                        .map(n -> "[probe run #" + n + "](#probe-run-" + n + ")").collect(Collectors.joining(", "));
            }
            line("| " + (item.ticked() ? "☑" : "☐") + " | " + "↳ ".repeat(Math.max(0, item.depth()))
                    + text(item.text()) + " | " + (item.ticked() ? person(item.tickedBy()) + ", " + source(item.source()) : "")
                    + " | " + (item.ticked() ? time(item.tickedAt()) : "") + " | " + evidence + " |");
        }
        line();
    }

    private void writeProbeRuns(List<ProbeRun> runs) {
        line("## Probe runs");
        line();
        if (runs.isEmpty()) {
            line("No probe runs.");
            line();
            return;
        }
        for (ProbeRun run : runs) {
            line("### Probe run #" + run.number());
            line();
            line((run.onlyProbe() == null ? "Full run" : "Re-check of " + code(run.onlyProbe())) + " by "
                    + person(run.triggeredBy()) + ", started " + time(run.startedAt()) + ", "
                    + (run.finishedAt() == null ? "not finished" : "finished " + time(run.finishedAt())) + " ("
                    + run.status().toLowerCase(Locale.ROOT) + "): " + run.passed() + " passed, " + run.failed() + " failed.");
            line();
            if (run.results().isEmpty()) {
                continue;
            }
            line("| Probe | Kind | Target | Outcome | Latency | Detail | Ticked | Unticked |");
            line("|---|---|---|---|---|---|---|---|");
            for (ProbeResult result : run.results()) {
                line("| " + code(result.probeId()) + " | " + text(result.kind()) + " | " + text(result.target()) + " | "
                        + ("PASS".equals(result.outcome()) ? "✅ pass" : "❌ fail") + " | " + result.latencyMs() + " ms | "
                        + text(result.detail()) + " | " + ids(result.ticked()) + " | " + ids(result.unticked()) + " |");
            }
            line();
        }
    }

    private void writeEvents(String heading, String none, List<Event> events) {
        line(heading);
        line();
        if (events.isEmpty()) {
            line(none);
            line();
            return;
        }
        line("| # | When | Event | By | Subject | Detail |");
        line("|---|---|---|---|---|---|");
        for (Event event : events) {
            line("| " + event.seq() + " | " + time(event.at()) + " | " + event.type().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " | " + person(event.actor()) + " | " + text(event.subject()) + " | " + text(event.detail()) + " |");
        }
        line();
    }

    private void row(String name, String value) {
        line("| " + name + " | " + value + " |");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }

    private static String person(Person person) {
        return person == null ? "—" : text(person.name()) + " (" + code(person.id()) + ")";
    }

    private static String source(String source) {
        return switch (source) {
            case "USER" -> "person";
            case "PROBE" -> "probe";
            default -> text(source.toLowerCase(Locale.ROOT).replace('_', ' '));
        };
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(ReportMarkdown::code).collect(Collectors.joining(", "));
    }

    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    static String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s";
        }
        long minutes = s / 60;
        if (minutes < 60) {
            return minutes + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    /** Stored text in a table cell or a line: no markup, no HTML, no mention, one line. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        var escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\n', '\r', '\t' -> escaped.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' -> escaped.append('\\').append(c);
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** An id or hash as code; backticks inside cannot end it early. */
    private static String code(String value) {
        return value == null ? "—" : "`" + value.replace("`", "'").replace("|", "\\|") + "`";
    }
}
