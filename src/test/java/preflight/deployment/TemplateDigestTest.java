package preflight.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import preflight.testing.SlackAppFixture;

/** The digest PostgreSQL keeps for a release's snapshot is the one the checklist cache computes. */
class TemplateDigestTest extends SlackAppFixture {

    @Autowired
    private ReleaseService deployments;

    @Test
    void aLoadedReleaseCarriesThePostgresqlDigestOfItsSnapshot() {
        requests.command(channel, "U0ALICE", "alice", "start v7.1");
        long id = jdbc.sql("SELECT id FROM deployment WHERE channel_id = ?").param(channel).query(Long.class).single();

        var deployment = deployments.find(id).orElseThrow();

        assertThat(deployment.templateDigest())
                .isNotNull()
                .isEqualTo(ReleaseChecklists.digest(deployment.templateSource()));
        assertThat(deployments.tickable(id).orElseThrow().checklist())
                .isSameAs(deployments.checklistOf(deployment));
    }

    @Test
    void savingTheReleaseLeavesTheDigestToPostgresql() {
        requests.command(channel, "U0ALICE", "alice", "start v7.2");
        requests.command(channel, "U0ALICE", "alice", "abort v7.2 wrong branch");
        long id = jdbc.sql("SELECT id FROM deployment WHERE channel_id = ?").param(channel).query(Long.class).single();

        var deployment = deployments.find(id).orElseThrow();

        assertThat(deployment.status()).isEqualTo(ReleaseStatus.ABORTED);
        assertThat(deployment.templateDigest()).isEqualTo(ReleaseChecklists.digest(deployment.templateSource()));
    }
}
