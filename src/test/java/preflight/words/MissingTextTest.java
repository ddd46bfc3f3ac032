package preflight.words;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import preflight.deployment.Missing;

class MissingTextTest {

    @Test
    void wordsEveryKindOfMissing() {
        assertThat(MissingText.of(new Missing.UntickedItems(1))).isEqualTo("1 item unticked");
        assertThat(MissingText.of(new Missing.UntickedItems(3))).isEqualTo("3 items unticked");
        assertThat(MissingText.of(new Missing.RoleRejected("QA Lead"))).isEqualTo("QA Lead rejected");
        assertThat(MissingText.of(new Missing.RoleNotSigned("QA Lead"))).isEqualTo("QA Lead not signed");
        assertThat(MissingText.of(new Missing.ProbesFailed())).isEqualTo("probes failed");
        assertThat(MissingText.of(new Missing.ProbesNotRun())).isEqualTo("probes not run");
    }
}
