package preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import preflight.deployment.ChainHash;
import preflight.report.ReleaseReport.Event;
import preflight.report.ReleaseReport.Person;

class AuditChainTest {

    private static final Person ALICE = new Person("U0ALICE", "alice");

    @Test
    void anUntouchedChainIsIntactAndItsHeadIsTheLastHash() {
        var events = chain(3);

        var check = AuditChain.verify(events);

        assertThat(check.intact()).isTrue();
        assertThat(check.head()).isEqualTo(events.getLast().event().hash()).hasSize(64);
    }

    @Test
    void anEditedDeletedOrReorderedEventIsFound() {
        var edited = new ArrayList<>(chain(3));
        var second = edited.get(1);
        var e = second.event();
        edited.set(1, new AuditChain.Stored(1, new Event(e.seq(), e.at(), e.type(), e.actor(), e.subject(), "changed",
                e.hash()), second.prevHash()));
        assertThat(AuditChain.verify(edited).alteredAt()).containsExactly(2);

        var deleted = new ArrayList<>(chain(3));
        deleted.remove(1);
        assertThat(AuditChain.verify(deleted).alteredAt()).containsExactly(3);

        var swapped = new ArrayList<>(chain(3));
        swapped.add(0, swapped.remove(1));
        assertThat(AuditChain.verify(swapped).intact()).isFalse();
    }

    private static List<AuditChain.Stored> chain(int n) {
        var events = new ArrayList<AuditChain.Stored>();
        String previous = ChainHash.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            var unhashed = new Event(seq, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), "ITEM_TICKED", ALICE,
                    "item-" + seq, null, null);
            String hash = AuditChain.hash(1, unhashed, previous);
            events.add(new AuditChain.Stored(1, new Event(seq, unhashed.at(), unhashed.type(), ALICE, unhashed.subject(),
                    null, hash), previous));
            previous = hash;
        }
        return events;
    }
}
