package preflight.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RoundTest {

    @Test
    void readsWhatItIsAskedOnceAndKeepsKindsAndIdsApart() {
        var round = new Round();
        var reads = new AtomicInteger();

        String first = round.once(String.class, 7, () -> "release 7 #" + reads.incrementAndGet());
        String again = round.once(String.class, 7, () -> "release 7 #" + reads.incrementAndGet());
        String other = round.once(String.class, 8, () -> "release 8 #" + reads.incrementAndGet());
        Integer otherKind = round.once(Integer.class, 7, reads::incrementAndGet);

        assertThat(first).isEqualTo("release 7 #1").isSameAs(again);
        assertThat(other).isEqualTo("release 8 #2");
        assertThat(otherKind).isEqualTo(3);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aNewRoundReadsAgain() {
        var reads = new AtomicInteger();

        new Round().once(String.class, 7, () -> "#" + reads.incrementAndGet());
        String next = new Round().once(String.class, 7, () -> "#" + reads.incrementAndGet());

        assertThat(next).isEqualTo("#2");
    }
}
