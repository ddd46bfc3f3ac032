package preflight.slack.bolt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code v0=} and the hex HMAC-SHA256 of {@code v0:timestamp:body}
 * under the signing secret), checked once per request by {@link SlackEventsServlet}; Bolt's own
 * check is switched off so that it is not computed twice. The key is set up once and copied per
 * request: looking up and keying a {@link Mac} is most of the cost of checking one.
 */
final class RequestSignatures {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v0";

    private final Mac keyed;

    RequestSignatures(String signingSecret) {
        try {
            keyed = Mac.getInstance(ALGORITHM);
            keyed.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    String sign(String timestamp, String body) {
        byte[] digest = mac().doFinal((VERSION + ":" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        return VERSION + "=" + HexFormat.of().formatHex(digest);
    }

    boolean isValid(String timestamp, String body, String signature) {
        return MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's HmacSHA256 cannot be copied", e);
        }
    }
}
