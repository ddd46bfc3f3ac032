package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import preflight.testing.Templates;

/** Parses the real checklists teams wrote (../shared/checklists); skipped where that folder is absent. */
class RealChecklistsTest {

    private static final Path FOLDER = Path.of("/work/shared/checklists");
    private static final Pattern CHECKBOX_LINE = Pattern.compile("^\\s*([-*+]|[0-9]+\\.) \\[[ xX]\\]");
    private static final Pattern FENCE_LINE = Pattern.compile("^\\s*(```|~~~)");

    private final ChecklistParser parser = Templates.parser();

    static Stream<Path> files() throws IOException {
        assumeTrue(Files.isDirectory(FOLDER), "no real checklists at " + FOLDER);
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyCheckboxLineOutsideCodeFencesBecomesAnItem(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        long expected = 0;
        boolean inFence = false;
        for (String line : lines) {
            if (FENCE_LINE.matcher(line).find()) {
                inFence = !inFence;
            } else if (!inFence && CHECKBOX_LINE.matcher(line).find()) {
                expected++;
            }
        }

        Checklist checklist = parse(file);

        assertThat(expected).isPositive();
        assertThat(checklist.items()).hasSize((int) expected);
    }

    @ParameterizedTest
    @MethodSource("files")
    void itemsPointAtTheirOwnLineAndParent(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Checklist checklist = parse(file);

        for (Item item : checklist.items()) {
            assertThat(lines.get(item.line() - 1)).as("line %d", item.line()).contains(item.text());
            if (item.parentId() == null) {
                assertThat(item.depth()).isZero();
            } else {
                Item parent = checklist.item(item.parentId()).orElseThrow();
                assertThat(parent.line()).isLessThan(item.line());
                assertThat(item.depth()).isEqualTo(parent.depth() + 1);
            }
        }
        assertThat(checklist.items()).extracting(Item::id).doesNotHaveDuplicates();
        assertThat(checklist.sections()).extracting(Section::id)
                .containsExactlyElementsOf(Stream.iterate(1, n -> n + 1).limit(checklist.sections().size()).map(n -> "s" + n).toList());
    }

    @Test
    void nestedItemsOf003HangUnderTheirParent() throws IOException {
        Checklist checklist = parse("003_");

        Item parent = itemStartingWith(checklist, "**Server Requirements Met**");
        Item child = itemStartingWith(checklist, "Minimum 2GB RAM");

        assertThat(child.parentId()).isEqualTo(parent.id());
        assertThat(child.depth()).isEqualTo(1);
        assertThat(parent.depth()).isZero();
        assertThat(sectionOf(checklist, child).path()).containsExactly("Pre-Deployment Checklist", "🔧 Infrastructure Setup");
        assertThat(checklist.title()).isEqualTo("Production Deployment Checklist");
    }

    @Test
    void nestedItemsOf001HangUnderTheirParent() throws IOException {
        Checklist checklist = parse("001_");

        Item parent = itemStartingWith(checklist, "DNS records configured and propagated");
        Item child = itemStartingWith(checklist, "`observatory.yourdomain.com` → Server IP");
        Item sibling = itemStartingWith(checklist, "Firewall ports configured");

        assertThat(child.parentId()).isEqualTo(parent.id());
        assertThat(child.depth()).isEqualTo(1);
        assertThat(sibling.parentId()).isNull();
        assertThat(sectionOf(checklist, parent).path())
                .containsExactly("Pre-Deployment Checklist", "Infrastructure Preparation", "Server Setup");
    }

    @Test
    void codeBlocksAndDetailsAttachToTheItemAbove() throws IOException {
        Checklist checklist = parse("002_");

        Item migrations = itemStartingWith(checklist, "Run all migrations:");

        assertThat(migrations.code()).singleElement().satisfies(code -> {
            assertThat(code.language()).isEqualTo("bash");
            assertThat(code.content()).startsWith("psql $DATABASE_URL -f supabase/migrations/20241123110000_add_llm_monitoring.sql");
        });
        assertThat(itemStartingWith(checklist, "Verify Row Level Security").code()).isEmpty();
        // code under "## Deployment" follows no item, so it stays out of the checklist
        assertThat(checklist.items()).noneMatch(item -> item.text().contains("npm ci"));
    }

    @Test
    void detailBulletsOf000StayWithTheirItem() throws IOException {
        Checklist checklist = parse("000_");

        Item postgres = itemStartingWith(checklist, "**PostgreSQL 16+**");
        Item rateLimiting = itemStartingWith(checklist, "**Rate Limiting**");
        Item configure = itemStartingWith(checklist, "Configure rate limiting");

        assertThat(postgres.details()).containsExactly(
                "Minimum specifications: 2 vCPUs, 4GB RAM, 50GB storage",
                "Connection pooling enabled at database level (max_connections ≥ 200)",
                "Backup strategy configured (daily automated backups with 30-day retention)");
        assertThat(configure.parentId()).isEqualTo(rateLimiting.id());
        assertThat(itemStartingWith(checklist, "**Run full test suite**").details())
                .containsExactly("✅ Verify: 242+ tests passing, 0 failures", "✅ Verify: >70% code coverage");
        assertThat(itemStartingWith(checklist, "**DATABASE_CONNECTION_STRING**").code().getFirst().content())
                .startsWith("Host=prod-db.example.com;\nPort=5432;");
    }

    @Test
    void signoffRolesOf000ComeFromTheStakeholderTable() throws IOException {
        assertThat(parse("000_").signoffRoles())
                .extracting(SignoffRole::name, SignoffRole::description)
                .containsExactly(
                        tuple("Tech Lead", "Architecture Review"),
                        tuple("QA Lead", "Test Verification"),
                        tuple("DevOps", "Infrastructure Setup"),
                        tuple("Product Owner", "Business Acceptance"));
    }

    @Test
    void signoffRolesOf001ComeFromTheBlankLines() throws IOException {
        assertThat(parse("001_").signoffRoles()).extracting(SignoffRole::name).containsExactly(
                "Technical Lead", "DevOps Lead", "Security",
                "Deployment verified by", "Monitoring confirmed by", "Security validated by");
    }

    @Test
    void signoffRolesOf002LeaveOutTheDeploymentRecordFields() throws IOException {
        assertThat(parse("002_").signoffRoles()).extracting(SignoffRole::name)
                .containsExactly("Engineering Lead", "DevOps Lead", "Product Manager", "CTO");
    }

    @Test
    void signoffRolesOf003ComeFromParentItems() throws IOException {
        Checklist checklist = parse("003_");

        assertThat(checklist.signoffRoles()).extracting(SignoffRole::name)
                .containsExactly("Development Team", "Operations Team", "Product Owner", "Security Team");
        // the roles stay ordinary items too
        assertThat(itemStartingWith(checklist, "**Product Owner**").depth()).isZero();
    }

    @Test
    void postDeploySectionsOf000AreTheAfterDeploymentTasks() throws IOException {
        Checklist checklist = parse("000_");

        assertThat(checklist.postDeploySections()).extracting(Section::path)
                .containsExactly(List.of("Post-Deployment Tasks", "15. After Successful Deployment"));
        assertThat(checklist.postDeploySections().getFirst().items()).extracting(Item::text).contains("**Monitor for 24 hours**");
    }

    @Test
    void postDeploySectionsOf001AreThePostDeploymentTasksNotTheVerification() throws IOException {
        Checklist checklist = parse("001_");

        assertThat(checklist.postDeploySections()).extracting(Section::title)
                .containsExactly("Documentation", "Team Communication", "Monitoring Setup", "Training", "Compliance");
        assertThat(checklist.postDeploySections()).allMatch(section -> section.path().getFirst().equals("Post-Deployment Tasks"));
    }

    @Test
    void postDeploySectionsOf002AreThePostDeploymentReview() throws IOException {
        Checklist checklist = parse("002_");

        assertThat(checklist.postDeploySections()).extracting(Section::path).containsExactly(
                List.of("Post-Deployment Review", "Within 24 Hours"),
                List.of("Post-Deployment Review", "Within 1 Week"));
        assertThat(checklist.sections()).filteredOn(section -> section.path().getFirst().equals("Post-Deployment"))
                .isNotEmpty()
                .noneMatch(Section::postDeploy);
    }

    @Test
    void immediateVerificationOf003IsNotPostDeploy() throws IOException {
        Checklist checklist = parse("003_");

        // 003 has no watch-after-release section: its "Post-Deployment Checklist" decides whether the release ships
        assertThat(checklist.postDeploySections()).isEmpty();
        assertThat(checklist.sections()).filteredOn(Section::signoff).extracting(Section::title)
                .containsExactly("Technical Sign-off", "Business Sign-off");
    }

    private Checklist parse(String prefix) throws IOException {
        assumeTrue(Files.isDirectory(FOLDER), "no real checklists at " + FOLDER);
        try (Stream<Path> files = Files.list(FOLDER)) {
            Path file = files.filter(path -> path.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            assumeTrue(file != null, "no checklist " + prefix + "* in " + FOLDER);
            return parse(file);
        }
    }

    private Checklist parse(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.(txt|md)$", "");
        return parser.parse(name, Files.readString(file));
    }

    static Item itemStartingWith(Checklist checklist, String text) {
        return checklist.items().stream().filter(item -> item.text().startsWith(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no item starting with " + text));
    }

    static Section sectionOf(Checklist checklist, Item item) {
        return checklist.sections().stream().filter(section -> section.items().contains(item)).findFirst().orElseThrow();
    }
}
