package preflight.slack.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.report.ReleaseReports;
import preflight.testing.BlockKit;
import preflight.testing.FakeSlackApi;
import preflight.testing.SignoffFixture;

class ReleaseReportTest extends SignoffFixture {

    @Autowired
    ReleaseReports reports;

    @Test
    void aClosedReleasesReportIsUploadedOnceToItsThreadWithEveryTickSignoffProbeAndTheOverride() throws Exception {
        var thread = shippedAndRolledBack();

        var file = awaitUploaded();
        assertThat(file.name()).isEqualTo("release-v3.0-production.md");
        assertThat(file.channelId()).isEqualTo(channel);
        assertThat(file.threadTs()).isEqualTo(card().ts());
        String report = file.content();
        assertThat(report)
                .contains("# Release v3.0 → production")
                .contains("| ☑ | Deploy the build | bob (`U0BOB`), person |")
                .contains("| ☑ | Name resolves | resolver (`probe:resolver`), probe |", "[probe run #1](#probe-run-1)")
                .contains("| ☐ | Release notes for &lt;@U0EVIL&gt; &amp; \\*friends\\* |")
                .contains("### Probe run #1", "| `resolver` | dns | localhost | ✅ pass |")
                .contains("signoff approved | tech (`U0TECH`) | Tech Lead |")
                .contains("**NO-GO, overridden** — shipped by root (`" + ADMIN + "`)", "Override reason: hotfix for checkout")
                .contains("rolled back | alice (`U0ALICE`) | v3.0 | error rate doubled |")
                .contains("matches its hash chain")
                .doesNotContain("<@U");
        // the sign-off's time is shown to the second, in UTC
        assertThat(report).containsPattern("\\| \\d+ \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\| signoff approved \\|");

        // one upload per closed release, however often the workers come round
        await(() -> jdbc.sql("SELECT count(*) FROM report_upload WHERE uploaded_at IS NOT NULL").query(Integer.class).single() == 1,
                "upload recorded");
        Thread.sleep(500);
        assertThat(slack.files()).hasSize(1);
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);

        // the same bytes whichever instance renders it, whatever its time zone
        long id = jdbc.sql("SELECT id FROM deployment").query(Long.class).single();
        assertThat(reports.markdown(reports.of(id).orElseThrow())).isEqualTo(report);
        var zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            assertThat(reports.markdown(reports.of(id).orElseThrow())).isEqualTo(report);
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void aRowEditedInTheDatabaseAfterTheFactIsReported() {
        shippedAndRolledBack();
        awaitUploaded();
        var intact = requests.command(channel, "U0CAROL", "carol", "report v3.0");
        assertThat(intact.json("text")).contains("Uploading the report of *v3.0*", "is intact");

        jdbc.sql("UPDATE deployment_event SET detail = 'all fine' WHERE type = 'SHIPPED_WITH_OVERRIDE'").update();

        var altered = requests.command(channel, "U0CAROL", "carol", "report v3.0");
        assertThat(altered.json("text")).contains("was altered after the fact", "1 of its");
        slack.awaitCalls("files.completeUploadExternal", 3, Duration.ofSeconds(10));
        await(() -> slack.files().size() == 3, "on-demand uploads");
        assertThat(slack.files().getLast().content()).contains("The record was altered after the fact");
        assertThat(slack.files().getLast().initialComment()).contains("altered after the fact");
    }

    @Test
    void anOpenReleaseHasAReportOnDemandAndUnknownVersionsChangeNothing() {
        start("v4.0", "report-test");

        var unknown = requests.command(channel, "U0CAROL", "carol", "report v9.9");
        assertThat(unknown.json("text")).contains("I know no release `v9.9`");
        var reply = requests.command(channel, "U0CAROL", "carol", "report");

        assertThat(reply.json("text")).contains("Uploading the report of *v4.0*");
        var file = awaitUploaded();
        assertThat(file.content()).contains("| Status | in progress |", "Not shipped.");
        assertThat(jdbc.sql("SELECT count(*) FROM report_upload").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM deployment_event").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUploadRefusedWithRateLimitIsRetriedAfterRetryAfter() {
        slack.failNext("files.getUploadURLExternal", FakeSlackApi.Failure.rateLimited(1));
        shippedAndRolledBack();

        var file = awaitUploaded();

        assertThat(slack.failedCalls("files.getUploadURLExternal")).hasSize(1);
        assertThat(file.threadTs()).isEqualTo(card().ts());
        assertThat(slack.files()).hasSize(1);
    }

    private java.util.List<FakeSlackApi.Message> shippedAndRolledBack() {
        var signoff = start("v3.0", "report-test");
        var thread = slack.thread(channel, card().ts());
        var checklist = thread.stream().filter(m -> !BlockKit.checkboxes(m).isEmpty()).findFirst().orElseThrow();
        var items = BlockKit.optionValues(java.util.List.of(checklist));
        requests.toggleCheckbox(checklist, items.getFirst(), "U0BOB", "bob");
        requests.command(channel, "U0ALICE", "alice", "probe v3.0");
        await(() -> jdbc.sql("SELECT count(*) FROM probe_run WHERE status = 'FINISHED'").query(Integer.class).single() == 1,
                "probe run finished");
        click(signoff, "signoff_approve", TECH_LEAD, "U0TECH");
        await(() -> decisions().size() == 1, "Tech Lead approved");
        assertThat(requests.command(channel, ADMIN, "root", "shipped v3.0 override hotfix for checkout")
                .json("text")).contains("shipped");
        requests.command(channel, "U0ALICE", "alice", "rollback v3.0 error rate doubled");
        return thread;
    }

    private FakeSlackApi.UploadedFile awaitUploaded() {
        await(() -> !slack.files().isEmpty(), "a report uploaded");
        return slack.files().getFirst();
    }
}
