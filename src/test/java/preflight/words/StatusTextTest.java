package preflight.words;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.deployment.ReleaseStatus;

class StatusTextTest {

    @Test
    void wordsEveryStatus() {
        assertThat(StatusText.of(ReleaseStatus.IN_PROGRESS)).isEqualTo("in progress");
        assertThat(StatusText.of(ReleaseStatus.SHIPPED)).isEqualTo("shipped — monitoring");
        assertThat(StatusText.of(ReleaseStatus.COMPLETED)).isEqualTo("completed");
        assertThat(StatusText.of(ReleaseStatus.ABORTED)).isEqualTo("aborted");
        assertThat(StatusText.of(ReleaseStatus.ROLLED_BACK)).isEqualTo("rolled back");
    }
}
