package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.deployment.Missing;

class MissingWordsTest {

    @Test
    void wordsEveryKindOfMissing() {
        assertThat(MissingWords.of(new Missing.UntickedItems(1))).isEqualTo("1 item unticked");
        assertThat(MissingWords.of(new Missing.UntickedItems(3))).isEqualTo("3 items unticked");
        assertThat(MissingWords.of(new Missing.RoleRejected("QA Lead"))).isEqualTo("QA Lead rejected");
        assertThat(MissingWords.of(new Missing.RoleNotSigned("QA Lead"))).isEqualTo("QA Lead not signed");
        assertThat(MissingWords.of(new Missing.ProbesFailed())).isEqualTo("probes failed");
        assertThat(MissingWords.of(new Missing.ProbesNotRun())).isEqualTo("probes not run");
    }

    @Test
    void keepsTheVerdictsOrderAndTakesRoleNamesAsTheyAre() {
        assertThat(MissingWords.all(List.of(new Missing.UntickedItems(2), new Missing.RoleNotSigned("<R&D>"),
                new Missing.ProbesFailed())))
                .containsExactly("2 items unticked", "<R&D> not signed", "probes failed");
    }
}
