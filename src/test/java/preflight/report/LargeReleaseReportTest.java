package preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.checklist.ChecklistParser;
import preflight.checklist.Item;
import preflight.checklist.Template;
import preflight.deployment.Actor;
import preflight.deployment.ReleaseLifecycle;
import preflight.deployment.ReleaseService;
import preflight.deployment.StartRelease;
import preflight.testing.SlackAppFixture;
import preflight.testing.Templates;

class LargeReleaseReportTest extends SlackAppFixture {

    private static final int SECTIONS = 21;
    private static final int PER_SECTION = 20;

    @Autowired
    ReleaseService releases;
    @Autowired
    ReleaseLifecycle lifecycle;
    @Autowired
    ReleaseReports reports;
    @Autowired
    JsonMapper json;

    @Test
    void aReleaseOf420ItemsTickedConcurrentlyHasAnIntactChainAndAFullReportInItsThread() throws Exception {
        var source = new StringBuilder("# Big release\n");
        for (int s = 0; s < SECTIONS; s++) {
            source.append("\n## Area ").append(s).append("\n");
            for (int i = 0; i < PER_SECTION; i++) {
                source.append("- [ ] Check ").append(s).append('.').append(i).append(" | with a pipe\n");
            }
        }
        var checklist = Templates.parser().parse("big", source.toString());
        var alice = new Actor("U0ALICE", "alice");
        var release = releases.start(new StartRelease(channel, "v9.0", "production", "big", alice),
                new Template("big", source.toString(), checklist));
        var tickable = releases.tickable(release.id()).orElseThrow();
        assertThat(tickable.checklist().items()).hasSize(SECTIONS * PER_SECTION);

        // eight people ticking at once: the chain must not fork
        try (var pool = Executors.newFixedThreadPool(8)) {
            var ticks = new ArrayList<Future<Boolean>>();
            int n = 0;
            for (Item item : tickable.checklist().items()) {
                var who = new Actor("U0P" + (n++ % 8), "person " + (n % 8));
                ticks.add(pool.submit(() -> releases.setTicked(tickable, item.id(), true, who)));
            }
            for (var tick : ticks) {
                assertThat(tick.get()).isTrue();
            }
        }
        lifecycle.ship(release.id(), alice, null);
        lifecycle.complete(release.id(), alice);

        var chain = reports.verify(release.id());
        assertThat(chain.intact()).isTrue();
        assertThat(chain.events()).isEqualTo(1 + SECTIONS * PER_SECTION + 2);
        assertThat(jdbc.sql("SELECT count(DISTINCT prev_hash) FROM deployment_event_seal").query(Integer.class).single())
                .isEqualTo(chain.events());

        await(() -> !slack.files().isEmpty(), "report uploaded");
        String markdown = slack.files().getFirst().content();
        assertThat(markdown).contains("## Checklist (420 of 420 ticked)", "**GO** — shipped by alice");
        for (int s = 0; s < SECTIONS; s++) {
            assertThat(markdown).contains("### Area " + s);
            for (int i = 0; i < PER_SECTION; i++) {
                assertThat(markdown).contains("| ☑ | Check " + s + "." + i + " \\| with a pipe | person ");
            }
        }

        var report = reports.of(release.id()).orElseThrow();
        var tree = json.readTree(json.writeValueAsString(report));
        assertThat(tree.get("items").size()).isEqualTo(420);
        assertThat(tree.get("chain").get("intact").asBoolean()).isTrue();
        assertThat(tree.get("release").get("version").asString()).isEqualTo("v9.0");
        assertThat(tree.get("auditTrail").size()).isEqualTo(423);
    }
}
