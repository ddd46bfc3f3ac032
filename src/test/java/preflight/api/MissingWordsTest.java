package preflight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.deployment.Missing;

class MissingWordsTest {

    @Test
    void keepsTheVerdictsOrderAndTakesRoleNamesAsTheyAre() {
        assertThat(MissingWords.all(List.of(new Missing.UntickedItems(2), new Missing.RoleNotSigned("<R&D>"),
                new Missing.ProbesFailed())))
                .containsExactly("2 items unticked", "<R&D> not signed", "probes failed");
    }
}
