package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.deployment.ReleaseStatus;

class StatusWordsTest {

    @Test
    void aRefusedStepNamesTheStatusAsItAlwaysHas() {
        assertThat(StatusWords.named(ReleaseStatus.IN_PROGRESS)).isEqualTo("in_progress");
        assertThat(StatusWords.named(ReleaseStatus.SHIPPED)).isEqualTo("shipped");
        assertThat(StatusWords.named(ReleaseStatus.ROLLED_BACK)).isEqualTo("rolled_back");
    }
}
