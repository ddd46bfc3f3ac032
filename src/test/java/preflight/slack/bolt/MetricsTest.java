package preflight.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import preflight.testing.FakeSlackApi;
import preflight.testing.SlackAppFixture;

class MetricsTest extends SlackAppFixture {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusShowsReleasesAcksSlackCallsOutboxProbesAndRemindersMoving() throws Exception {
        var before = scrape();
        slack.failNext("chat.postMessage", FakeSlackApi.Failure.error("channel_not_found"));

        requests.command(channel, "U0ALICE", "alice", "start v7.1 monitored-probes");
        requests.command(channel, "U0ALICE", "alice", "probe v7.1");
        await(() -> jdbc.sql("SELECT count(*) FROM probe_run WHERE status = 'FINISHED'").query(Integer.class).single() == 1,
                "probe run finished");
        requests.command(channel, ADMIN, "root", "shipped v7.1 override metrics test");
        await(() -> jdbc.sql("SELECT count(*) FROM deployment_event WHERE type = 'REMINDER_SENT'").query(Integer.class).single() >= 1,
                "reminder sent");
        requests.command(channel, "U0ALICE", "alice", "abort v7.1 nothing");

        var after = scrape();
        String releases = "{environment=\"production\",template=\"monitored-probes\"}";
        assertThat(value(after, "preflight_releases_started_total" + releases))
                .isEqualTo(value(before, "preflight_releases_started_total" + releases) + 1);
        assertThat(value(after, "preflight_releases_shipped_total" + releases))
                .isEqualTo(value(before, "preflight_releases_shipped_total" + releases) + 1);
        assertThat(value(after, "preflight_slack_ack_seconds_count{kind=\"command\"}"))
                .isGreaterThanOrEqualTo(value(before, "preflight_slack_ack_seconds_count{kind=\"command\"}") + 4);
        assertThat(after).contains("preflight_slack_ack_seconds_bucket{kind=\"command\",le=");
        assertThat(value(after, "preflight_slack_api_calls_total{method=\"chat.postMessage\"}"))
                .isGreaterThan(value(before, "preflight_slack_api_calls_total{method=\"chat.postMessage\"}"));
        assertThat(value(after, "preflight_slack_api_errors_total{error=\"channel_not_found\",method=\"chat.postMessage\"}"))
                .isEqualTo(value(before, "preflight_slack_api_errors_total{error=\"channel_not_found\",method=\"chat.postMessage\"}") + 1);
        assertThat(value(after, "preflight_probe_results_total{kind=\"dns\",outcome=\"pass\"}"))
                .isGreaterThan(value(before, "preflight_probe_results_total{kind=\"dns\",outcome=\"pass\"}"));
        assertThat(value(after, "preflight_reminders_sent_total{kind=\"final\"}"))
                .isGreaterThan(value(before, "preflight_reminders_sent_total{kind=\"final\"}"));
        assertThat(after).contains("preflight_outbox_backlog ", "preflight_outbox_oldest_pending_age_seconds ");
        assertThat(after).doesNotContain("xoxb-", SIGNING_SECRET);
        assertThat(after).contains("http_server_requests_seconds_count{");
        assertThat(timedPosts(after))
                .as("Slack's requests are timed once, as preflight_slack_ack, not again as http_server_requests")
                .isEqualTo(timedPosts(before));
    }

    @Test
    void theOutboxBacklogGaugeCountsMessagesNotYetInSlack() throws Exception {
        jdbc.sql("INSERT INTO deployment (channel_id, release, environment, template_name, template_source, started_by,"
                + " started_by_name, status, started_at, updated_at) VALUES (?, 'v0', 'production', 'default', '# x',"
                + " 'U0ALICE', 'alice', 'ABORTED', now(), now())").param(channel).update();
        long id = jdbc.sql("SELECT id FROM deployment").query(Long.class).single();
        // due an hour ago and never posted, as if an instance that claimed it had hung (its lease keeps this one off it)
        jdbc.sql("INSERT INTO message_view (deployment_id, kind, seq, channel_id, not_before, pending_since, lease_until)"
                        + " VALUES (?, 'CARD', 0, ?, now() - interval '1 hour', now() - interval '1 hour', now() + interval '1 hour')")
                .params(id, channel).update();
        Thread.sleep(1100); // the gauges read the table at most once a second

        var scraped = scrape();

        assertThat(value(scraped, "preflight_outbox_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(3500);
        assertThat(value(scraped, "preflight_outbox_backlog")).isGreaterThanOrEqualTo(1);
    }

    private String scrape() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** http.server.requests of POSTs, with their counts (other tests' API calls may be among them). */
    private static List<String> timedPosts(String scraped) {
        return scraped.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count") && line.contains("method=\"POST\""))
                .toList();
    }

    private static double value(String scraped, String series) {
        var matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scraped);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
