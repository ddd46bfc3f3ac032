package preflight.slack.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.testing.SlackAppFixture;

/** src/test/resources/templates/broken-probe.md has a tcp probe without a port (line 4). */
class MalformedProbeTemplateTest extends SlackAppFixture {

    private static final String PROBLEM =
            "line 4: probe 'database': target db.internal has no port; expected host:port";

    @Test
    void theCatalogueNamesTheFileTheLineAndTheProblem() {
        assertThat(templates.find("broken-probe")).isEmpty();
        assertThat(templates.problems()).anySatisfy(problem -> {
            assertThat(problem.template()).isEqualTo("broken-probe.md");
            assertThat("line " + problem.line() + ": " + problem.problem()).isEqualTo(PROBLEM);
        });

        var listed = requests.command(channel, "U0ALICE", "alice", "templates");

        assertThat(listed.json("text")).contains("⚠️ `broken-probe.md` " + PROBLEM);
    }

    @Test
    void startingItSaysWhatIsWrongAndStartsNothing() {
        var response = requests.command(channel, "U0ALICE", "alice", "start v1.2 broken-probe");

        assertThat(response.json("text")).contains("Template `broken-probe` could not be loaded: " + PROBLEM,
                "Ask your Preflight admin");
        assertThat(jdbc.sql("SELECT count(*) FROM deployment").query(Integer.class).single()).isZero();
        assertThat(slack.messages(channel)).isEmpty();
    }
}
