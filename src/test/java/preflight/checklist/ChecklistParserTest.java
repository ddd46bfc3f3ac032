package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import preflight.testing.Templates;

class ChecklistParserTest {

    private final ChecklistParser parser = Templates.parser();

    @Test
    void itemsGetSequentialIdsInDocumentOrder() {
        Checklist checklist = parser.parse("api", """
                # API release
                ## Before
                - [ ] First
                - [x] Second
                ## After
                - [X] Third
                """);

        assertThat(checklist.items()).extracting(Item::id, Item::text, Item::checkedInTemplate, Item::line).containsExactly(
                tuple("1", "First", false, 3),
                tuple("2", "Second", true, 4),
                tuple("3", "Third", true, 6));
        assertThat(checklist.name()).isEqualTo("api");
        assertThat(checklist.title()).isEqualTo("API release");
    }

    @Test
    void explicitIdMarkerBecomesTheIdAndLeavesTheText() {
        Checklist checklist = parser.parse("api", """
                - [ ] Backup taken {#backup}
                - [ ] Health check **green** {#health_check-1}
                - [ ] Something else
                """);

        assertThat(checklist.items()).extracting(Item::id, Item::text).containsExactly(
                tuple("backup", "Backup taken"),
                tuple("health_check-1", "Health check **green**"),
                tuple("3", "Something else"));
        assertThat(checklist.item("backup")).isPresent();
        assertThat(checklist.item("1")).isEmpty();
    }

    @Test
    void duplicateExplicitIdIsRejectedAtItsSecondUse() {
        assertThatThrownBy(() -> parser.parse("api", """
                # T
                - [ ] One {#db}
                - [ ] Two {#db}
                """))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.template()).isEqualTo("api.md");
                    assertThat(e.problem()).contains("'db'").contains("line 2");
                })
                .hasMessageStartingWith("api.md line 3: ");
    }

    @Test
    void allMarkerStylesAreItems() {
        Checklist checklist = parser.parse("api", """
                - [ ] dash
                * [ ] star
                + [ ] plus
                1. [ ] numbered
                12) [x] numbered with parenthesis
                """);

        assertThat(checklist.items()).extracting(Item::text)
                .containsExactly("dash", "star", "plus", "numbered", "numbered with parenthesis");
    }

    @Test
    void nestingFollowsIndentationOfAnyWidth() {
        Checklist checklist = parser.parse("api", """
                - [ ] a
                  - [ ] a.1 two spaces
                      - [ ] a.1.1 four more
                  - [ ] a.2
                - [ ] b
                \t- [ ] b.1 tab
                    - [ ] b.2 four spaces
                """);

        assertThat(checklist.items()).extracting(Item::text, Item::depth, Item::parentId).containsExactly(
                tuple("a", 0, null),
                tuple("a.1 two spaces", 1, "1"),
                tuple("a.1.1 four more", 2, "2"),
                tuple("a.2", 1, "1"),
                tuple("b", 0, null),
                tuple("b.1 tab", 1, "5"),
                tuple("b.2 four spaces", 1, "5"));
    }

    @Test
    void checkboxesInsideCodeFencesAreCodeNotItems() {
        Checklist checklist = parser.parse("api", """
                - [ ] Write the template
                  ```markdown
                  - [ ] not an item
                  ## not a heading
                  ```
                ~~~
                - [ ] not an item either
                ~~~
                - [ ] Real item
                """);

        assertThat(checklist.items()).extracting(Item::text).containsExactly("Write the template", "Real item");
        assertThat(checklist.items().getFirst().code()).extracting(CodeBlock::language, CodeBlock::content).containsExactly(
                tuple("markdown", "- [ ] not an item\n## not a heading"),
                tuple("", "- [ ] not an item either"));
        assertThat(checklist.sections()).hasSize(1);
    }

    @Test
    void plainBulletsAndIndentedLinesAreDetailsOfTheItemAbove() {
        Checklist checklist = parser.parse("api", """
                ## Checks
                - [ ] Database ready
                  - Connection pool at 100
                  Check the replica too.
                  - [ ] Replica in sync
                    - lag under 1s
                - [ ] Cache ready
                continues the line above

                Prose after a blank line belongs to the section.
                - [ ] Queue ready
                """);

        assertThat(checklist.items()).extracting(Item::text, Item::details).containsExactly(
                tuple("Database ready", List.of("Connection pool at 100", "Check the replica too.")),
                tuple("Replica in sync", List.of("lag under 1s")),
                tuple("Cache ready", List.of("continues the line above")),
                tuple("Queue ready", List.of()));
    }

    @Test
    void codeWithoutAnItemAboveIsIgnored() {
        Checklist checklist = parser.parse("api", """
                ## Build
                ```bash
                npm run build
                ```
                ## Verify
                Run this first:
                ```bash
                curl -f https://api/health
                ```
                - [ ] Health is green
                """);

        assertThat(checklist.items()).singleElement().satisfies(item -> assertThat(item.code()).isEmpty());
    }

    @Test
    void headingsWithoutItemsOnlyContributeToThePath() {
        Checklist checklist = parser.parse("api", """
                # **Release** checklist
                Intro text.
                ## 1. Pre-Deployment
                ### 🔧 *Infrastructure* Setup
                #### Servers
                - [ ] Provisioned
                ### Secrets
                - [ ] Rotated
                ## Deploy
                - [ ] Rolled out
                """);

        assertThat(checklist.title()).isEqualTo("Release checklist");
        assertThat(checklist.sections()).extracting(Section::id, Section::path, Section::line).containsExactly(
                tuple("s1", List.of("1. Pre-Deployment", "🔧 Infrastructure Setup", "Servers"), 5),
                tuple("s2", List.of("1. Pre-Deployment", "Secrets"), 7),
                tuple("s3", List.of("Deploy"), 9));
        assertThat(checklist.sections().getFirst().title()).isEqualTo("Servers");
    }

    @Test
    void itemsBeforeAnyPhaseGoToASectionNamedAfterTheDocument() {
        Checklist withTitle = parser.parse("api", """
                # API release
                - [ ] Early item
                ## Later
                - [ ] Late item
                """);
        Checklist withoutTitle = parser.parse("bare", "- [ ] Only item\n");

        assertThat(withTitle.sections()).extracting(Section::title).containsExactly("API release", "Later");
        assertThat(withoutTitle.title()).isEqualTo("bare");
        assertThat(withoutTitle.sections()).singleElement().satisfies(section -> assertThat(section.path()).containsExactly("bare"));
    }

    @Test
    void headingsInsideCodeAreNotTheTitle() {
        Checklist checklist = parser.parse("api", """
                ```bash
                # not the title
                ~~~
                # still code
                ```
                # API release
                - [ ] One
                """);

        assertThat(checklist.title()).isEqualTo("API release");
    }

    @Test
    void horizontalRulesInTheBodyAreNotFrontMatter() {
        Checklist checklist = parser.parse("api", """
                # API
                ---
                - [ ] One
                ---
                * * *
                - [ ] Two
                """);

        assertThat(checklist.items()).extracting(Item::text).containsExactly("One", "Two");
    }

    @Test
    void tablesOutsideSignoffAreIgnored() {
        Checklist checklist = parser.parse("api", """
                ## Ports
                - [ ] Firewall open
                | Role | Port |
                |------|------|
                | Tech Lead | 443 |
                """);

        assertThat(checklist.signoffRoles()).isEmpty();
        assertThat(checklist.items().getFirst().details()).isEmpty();
    }

    @Test
    void templateWithoutItemsIsRejected() {
        assertThatThrownBy(() -> parser.parse("empty", "# Nothing to do\n\nJust prose.\n```\n- [ ] in code\n```\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("empty.md line 1: no checklist items");
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreAccepted() {
        Checklist checklist = parser.parse("api", "\uFEFF# API\r\n## Phase\r\n- [ ] One\r\n  - [ ] Two\r\n");

        assertThat(checklist.title()).isEqualTo("API");
        assertThat(checklist.items()).extracting(Item::text, Item::depth).containsExactly(tuple("One", 0), tuple("Two", 1));
    }

    @Test
    void signoffTableUsesTheFirstColumnNamingARole() {
        Checklist checklist = parser.parse("api", """
                - [ ] Work
                ## Approvals
                | Role | Name | Date | Status |
                |------|------|------|--------|
                | Tech Lead | | | |
                | **QA Lead** | Ann | | |
                | ______ | | | |
                """);

        assertThat(checklist.signoffRoles()).extracting(SignoffRole::name, SignoffRole::description, SignoffRole::line)
                .containsExactly(tuple("Tech Lead", "", 5), tuple("QA Lead", "", 6));
        assertThat(checklist.signoffRoles()).allSatisfy(role -> assertThat(role.approvers()).isEmpty());
    }

    @Test
    void signoffLinesNameTheRoleBeforeTheColon() {
        Checklist checklist = parser.parse("api", """
                - [ ] Work
                ## Sign-off
                ### Before
                - [ ] Technical Lead approval: ______ Date: ____
                - [ ] QA sign-off: ______
                - [ ] Deployment verified by: ____ Date: ____
                Release Manager: ____
                - **Security**: ______
                **Deployment Date**: ____
                **Version**: ____
                **Approved By:** ____
                - [ ] technical lead: ____
                """);

        assertThat(checklist.signoffRoles()).extracting(SignoffRole::name)
                .containsExactly("Technical Lead", "QA", "Deployment verified by", "Release Manager", "Security");
        // the sign-off lines remain items
        assertThat(checklist.items()).hasSize(5);
    }

    @Test
    void signoffParentItemsWithChecksBelowAreRoles() {
        Checklist checklist = parser.parse("api", """
                ## Business Sign-off
                - [ ] **Product Owner**
                  - [ ] Features verified
                - [ ] Release Manager
                  - [ ] Go-live approval given
                - [ ] All 21 acceptance criteria verified (see Story 2.13)
                  - [ ] AC#1-4 done
                - [ ] **Documentation Complete**
                  - plain detail, not a nested check
                """);

        assertThat(checklist.signoffRoles()).extracting(SignoffRole::name).containsExactly("Product Owner", "Release Manager");
    }

    @Test
    void signoffLinesOutsideSignoffHeadingsAreNotRoles() {
        Checklist checklist = parser.parse("api", """
                ## Contacts
                - [ ] Tech Lead: ____
                **Deployment Date**: ____
                - [ ] **Product Owner**
                  - [ ] Features verified
                """);

        assertThat(checklist.signoffRoles()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Monitor for 24 hours", "Monitoring (first 24h)", "Within 24 Hours", "Within 1 Week",
            "Post-Deployment Review", "Post-Deployment Tasks", "After deployment, monitor", "15. After Successful Deployment",
            "First week", "Hypercare", "48h watch"})
    void watchAfterReleaseHeadingsArePostDeploy(String heading) {
        assertThat(MarkdownReader.isPostDeploy(heading)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Post-Deployment Verification", "Post-Deployment Checklist", "Post-Deployment", "Smoke Tests",
            "Monitoring Setup", "Daily Tasks", "Pre-Deployment Sign-Off", "Rollback Procedure (if deployment fails)",
            "Deployment", "Wait for DNS"})
    void immediateChecksAreNotPostDeploy(String heading) {
        assertThat(MarkdownReader.isPostDeploy(heading)).isFalse();
    }

    @Test
    void postDeployIsInheritedBySubSections() {
        Checklist checklist = parser.parse("api", """
                ## Post-Deployment Review
                ### Day one
                - [ ] Error logs reviewed
                ## Verification
                - [ ] Smoke test
                """);

        assertThat(checklist.postDeploySections()).extracting(Section::path)
                .containsExactly(List.of("Post-Deployment Review", "Day one"));
    }
}
