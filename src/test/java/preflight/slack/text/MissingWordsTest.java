package preflight.slack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.deployment.Missing;

class MissingWordsTest {

    @Test
    void joinsInTheVerdictsOrderWithoutEscaping() {
        assertThat(MissingWords.joined(List.of(new Missing.UntickedItems(2), new Missing.RoleNotSigned("R&D")), " · "))
                .isEqualTo("2 items unticked · R&D not signed");
    }

    @Test
    void bulletsAreEscapedForMrkdwn() {
        assertThat(MissingWords.bullets(List.of(new Missing.RoleRejected("<QA>"), new Missing.ProbesNotRun())))
                .isEqualTo("• &lt;QA&gt; rejected\n• probes not run");
    }
}
