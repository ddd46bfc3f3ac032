package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.junit.jupiter.api.Test;

/** What OkHttp throws reads the same as what the JDK's client threw before. */
class FailuresTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @Test
    void theWholeCallDeadlineIsATimeoutButAnInterruptIsNot() {
        var deadline = new InterruptedIOException("timeout");
        deadline.initCause(new SocketException("Socket closed"));

        assertThat(Failures.describe(deadline, "example.com", TIMEOUT)).isEqualTo("timed out after 300 ms");
        assertThat(Failures.describe(new InterruptedIOException("interrupted"), "example.com", TIMEOUT))
                .doesNotContain("timed out");
    }

    @Test
    void aHostnameOkHttpDidNotVerifyIsANameMismatch() {
        var mismatch = new SSLPeerUnverifiedException("Hostname localhost not verified:\n    certificate: sha256/…");

        assertThat(Failures.describe(mismatch, "localhost", TIMEOUT)).isEqualTo("certificate does not match host localhost");
    }

    @Test
    void aRefusedConnectionInsideOkHttpsWrapperIsStillRefused() {
        var failed = new ConnectException("Failed to connect to /127.0.0.1:9");
        failed.initCause(new ConnectException("Connection refused"));

        assertThat(Failures.describe(failed, "127.0.0.1", TIMEOUT)).isEqualTo("connection refused");
    }
}
