package preflight.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import preflight.deployment.AuditTrail.AuditEvent;

class ChainHashTest {

    private static final Actor ALICE = new Actor("U0ALICE", "alice");
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00.123456Z");

    @Test
    void fieldsAreLengthPrefixedSoMovingTextBetweenFieldsChangesTheHash() {
        var one = new AuditEvent("T", ALICE, "ab", "c", AT);
        var two = new AuditEvent("T", ALICE, "a", "bc", AT);

        assertThat(ChainHash.of(ChainHash.GENESIS, 1, 1, one)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, 1, two));
    }

    @Test
    void theHashCoversThePreviousHashThePositionAndTheMicrosecond() {
        var event = new AuditEvent("T", ALICE, "item", null, AT);
        String hash = ChainHash.of(ChainHash.GENESIS, 1, 1, event);

        assertThat(hash).hasSize(64).isEqualTo(ChainHash.of(ChainHash.GENESIS, 1, 1, event));
        assertThat(ChainHash.of(hash, 1, 1, event)).isNotEqualTo(hash);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, 2, event)).isNotEqualTo(hash);
        assertThat(ChainHash.of(ChainHash.GENESIS, 2, 1, event)).isNotEqualTo(hash);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, 1, new AuditEvent("T", ALICE, "item", null, AT.plusNanos(1000))))
                .isNotEqualTo(hash);
    }
}
