package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DetailTest {

    @Test
    void stripsCredentialsAndControlCharacters() {
        assertThat(Detail.clean("GET https://user:pa55@api.example.com/x\nfailed"))
                .isEqualTo("GET https://api.example.com/x failed");
        assertThat(Detail.clean("x".repeat(500))).hasSize(200).endsWith("…");
    }

    @Test
    void humanDurations() {
        assertThat(Detail.human(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(Detail.human(Duration.ofSeconds(2))).isEqualTo("2 s");
        assertThat(Detail.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Detail.human(Duration.ofMinutes(3))).isEqualTo("3 min");
    }

    @Test
    void statusExpectations() throws InvalidProbeException {
        assertThat(StatusExpectation.parse(null, StatusExpectation.DEFAULT).matches(302)).isTrue();
        assertThat(StatusExpectation.parse("200-204", null).matches(204)).isTrue();
        assertThat(StatusExpectation.parse("2XX", null).matches(299)).isTrue();
        assertThat(StatusExpectation.parse(List.of(200, "301"), null)).hasToString("200 or 301");
        assertThat(StatusExpectation.parse(404, null).matches(200)).isFalse();
    }
}
