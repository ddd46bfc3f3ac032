package preflight.slack.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import preflight.testing.SharedChecklists;
import preflight.testing.SignoffFixture;
import preflight.testing.SlackLimits;

/**
 * Every sign-off shape of the real checklists reaches the release thread as buttons: a stakeholder
 * table (000), "… approval: ____ Date: ____" lines (001, 002) and bold parent items under a
 * Sign-off heading (003).
 */
class SharedChecklistSignoffTest extends SignoffFixture {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("shared-000", List.of("Tech Lead", "QA Lead", "DevOps", "Product Owner")),
                Arguments.of("shared-001", List.of("Technical Lead", "DevOps Lead", "Security",
                        "Deployment verified by", "Monitoring confirmed by", "Security validated by")),
                Arguments.of("shared-002", List.of("Engineering Lead", "DevOps Lead", "Product Manager", "CTO")),
                Arguments.of("shared-003", List.of("Development Team", "Operations Team", "Product Owner",
                        "Security Team")));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void rolesOfEachShapeBecomeButtonsInTheThread(String template, List<String> roles) {
        assumeTrue(SharedChecklists.templateNames().contains(template), "no " + template + " in ../shared/checklists");

        var signoffs = start("v1.0", template);

        var sections = signoffs.blocks().stream()
                .filter(block -> String.valueOf(block.get("block_id")).startsWith("so:r:"))
                .map(block -> (String) ((Map<?, ?>) block.get("text")).get("text"))
                .toList();
        assertThat(sections).hasSize(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            assertThat(sections.get(i)).contains("*" + roles.get(i) + "*");
            assertThat(text(signoffs)).contains("\"signoff_approve:" + i + "\"", "\"signoff_reject:" + i + "\"");
            assertThat(text(card())).contains("⏳ *" + roles.get(i) + "* — waiting");
        }
        assertThat(text(card())).contains("🔴 *NO-GO*");
        slack.messages(channel).forEach(SlackLimits::assertWithinLimits);
    }
}
