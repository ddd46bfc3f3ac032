package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.testing.Templates;

class DefaultTemplateTest {

    private final Checklist checklist = Templates.parser().parse("default", source());

    @Test
    void hasThePhasesOfARelease() {
        assertThat(checklist.sections()).extracting(section -> section.path().getFirst()).containsSubsequence(
                "Pre-deployment", "Deployment", "Verification", "Monitor for 24 hours");
        assertThat(checklist.items()).hasSizeBetween(30, 45);
    }

    @Test
    void monitoringPhaseIsPostDeploy() {
        assertThat(checklist.postDeploySections()).extracting(Section::path).containsExactly(List.of("Monitor for 24 hours"));
    }

    @Test
    void signoffRolesComeFromTheTable() {
        assertThat(checklist.signoffRoles()).extracting(SignoffRole::name)
                .containsExactly("Tech Lead", "QA Lead", "DevOps", "Product Owner");
    }

    @Test
    void coversNestingCodeAndLongItems() {
        assertThat(checklist.items()).anyMatch(item -> item.depth() == 1);
        assertThat(checklist.items()).anyMatch(item -> !item.code().isEmpty() && item.text().startsWith("Health endpoint"));
        assertThat(checklist.items()).filteredOn(item -> item.text().length() > 75).hasSizeGreaterThanOrEqualTo(3);
        assertThat(checklist.items()).noneMatch(Item::checkedInTemplate);
    }

    private static String source() {
        try (InputStream in = DefaultTemplateTest.class.getClassLoader().getResourceAsStream("preflight/templates/default.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
