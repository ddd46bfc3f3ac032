package preflight.slack.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.deployment.ReleaseStatus;

class StatusWordsTest {

    @Test
    void capitalizedOpensALine() {
        assertThat(StatusWords.capitalized(ReleaseStatus.ABORTED)).isEqualTo("Aborted");
        assertThat(StatusWords.capitalized(ReleaseStatus.ROLLED_BACK)).isEqualTo("Rolled back");
    }

    @Test
    void outcomeIsAHistoryLinesStatus() {
        assertThat(StatusWords.outcome(ReleaseStatus.IN_PROGRESS)).isEqualTo("🟡 in progress");
        assertThat(StatusWords.outcome(ReleaseStatus.SHIPPED)).isEqualTo("🚀 shipped, monitoring");
        assertThat(StatusWords.outcome(ReleaseStatus.COMPLETED)).isEqualTo("✅ completed");
        assertThat(StatusWords.outcome(ReleaseStatus.ABORTED)).isEqualTo("⛔ aborted");
        assertThat(StatusWords.outcome(ReleaseStatus.ROLLED_BACK)).isEqualTo("↩️ rolled back");
    }
}
