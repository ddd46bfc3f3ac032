package preflight.slack.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import preflight.testing.BlockKit;
import preflight.testing.SharedChecklists;
import preflight.testing.SlackAppFixture;
import preflight.testing.SlackLimits;

/** Every message rendered for every real checklist stays within Slack's limits, all items included. */
class SharedChecklistRenderingTest extends SlackAppFixture {

    static List<String> templates() {
        var names = SharedChecklists.templateNames();
        return names.isEmpty() ? List.of("default") : names;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyMessageIsWithinSlackLimits(String template) {
        assumeThat(this.templates.find(template)).isPresent();
        var checklist = this.templates.find(template).orElseThrow().checklist();
        int expectedMessages = ChecklistLayout.plan(checklist).size()
                + (checklist.signoffRoles().isEmpty() ? 0 : 1); // the sign-off message ends the thread

        var response = requests.command(channel, "U0ALICE", "alice", "start v3.1 " + template);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).as("no complaint in the ack").doesNotContain("text");
        var thread = awaitThread("v3.1", expectedMessages);
        assertThat(thread).hasSize(expectedMessages);
        assertThat(BlockKit.optionValues(thread))
                .containsExactlyElementsOf(checklist.items().stream().map(item -> item.id()).toList());
        slack.messages(channel).forEach(SlackLimits::assertWithinLimits);
    }
}
