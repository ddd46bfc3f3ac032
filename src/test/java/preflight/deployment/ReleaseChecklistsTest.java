package preflight.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import preflight.checklist.ChecklistParser;
import preflight.testing.Templates;

class ReleaseChecklistsTest {

    private static final String TEMPLATE = """
            # Release

            ## Before

            - [ ] Schéma migré ✓
            - [ ] Smoke tests green
            """;

    private final ReleaseChecklists checklists = new ReleaseChecklists(Templates.parser());

    @Test
    void theDigestIsPostgresqlsMd5OfTheText() {
        // md5('héllo ✓') as PostgreSQL (UTF-8 database) and md5sum both give it
        assertThat(ReleaseChecklists.digest("héllo ✓")).isEqualTo("21b1ae5bc147bb564254200a4731e337");
    }

    @Test
    void aKnownSnapshotIsNotReadAgain() {
        var reads = new AtomicInteger();
        String digest = ReleaseChecklists.digest(TEMPLATE);

        var first = checklists.of("release", digest, () -> {
            reads.incrementAndGet();
            return TEMPLATE;
        });
        var second = checklists.of("release", digest, () -> {
            reads.incrementAndGet();
            return TEMPLATE;
        });

        assertThat(reads).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(first.items()).hasSize(2);
    }

    @Test
    void anotherSnapshotIsParsedOnItsOwn() {
        String edited = TEMPLATE + "- [ ] Announced in #releases\n";

        var before = checklists.of("release", ReleaseChecklists.digest(TEMPLATE), () -> TEMPLATE);
        var after = checklists.of("release", ReleaseChecklists.digest(edited), () -> edited);

        assertThat(before.items()).hasSize(2);
        assertThat(after.items()).hasSize(3);
    }
}
