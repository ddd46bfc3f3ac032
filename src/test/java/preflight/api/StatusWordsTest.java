package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.deployment.ReleaseStatus;

class StatusWordsTest {

    @Test
    void wordsEveryStatus() {
        assertThat(StatusWords.of(ReleaseStatus.IN_PROGRESS)).isEqualTo("in progress");
        assertThat(StatusWords.of(ReleaseStatus.SHIPPED)).isEqualTo("shipped — monitoring");
        assertThat(StatusWords.of(ReleaseStatus.COMPLETED)).isEqualTo("completed");
        assertThat(StatusWords.of(ReleaseStatus.ABORTED)).isEqualTo("aborted");
        assertThat(StatusWords.of(ReleaseStatus.ROLLED_BACK)).isEqualTo("rolled back");
    }

    @Test
    void aRefusedStepNamesTheStatusAsItAlwaysHas() {
        assertThat(StatusWords.named(ReleaseStatus.IN_PROGRESS)).isEqualTo("in_progress");
        assertThat(StatusWords.named(ReleaseStatus.SHIPPED)).isEqualTo("shipped");
        assertThat(StatusWords.named(ReleaseStatus.ROLLED_BACK)).isEqualTo("rolled_back");
    }
}
