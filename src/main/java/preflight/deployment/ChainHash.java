package preflight.deployment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import preflight.deployment.AuditTrail.AuditEvent;

/**
 * The SHA-256 that chains an audit event to the one before it: the previous hash, then each field
 * as its length in bytes, a colon and its text ({@code -} for none), so that text moved from one
 * field to the next changes the hash. Events sealed before sealing moved here were hashed by the
 * SQL function {@code audit_event_hash} (migration V60) in exactly this way.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String prevHash, long releaseId, int seq, AuditEvent event) {
        String text = prevHash + field(Long.toString(releaseId)) + field(Integer.toString(seq)) + field(event.type())
                + field(event.actor().id()) + field(event.actor().name()) + field(event.subject())
                + field(event.detail()) + field(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, event.at())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String value) {
        return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }
}
