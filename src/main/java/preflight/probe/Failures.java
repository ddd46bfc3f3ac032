package preflight.probe;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns what went wrong while probing into the one line a release manager reads. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable error, String host, Duration timeout) {
        String specific = specific(error, host, timeout);
        return Detail.clean(specific != null ? specific : general(error));
    }

    private static String specific(Throwable error, String host, Duration timeout) {
        // first, wherever it is: a refused name arrives inside an UnknownHostException (AddressPolicy.dns)
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AddressPolicy.Refused) {
                return t.getMessage();
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "no such host " + host;
            }
            // OkHttp's whole-call deadline is an InterruptedIOException "timeout"; a plain one is an interrupt
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException && "timeout".equals(t.getMessage())) {
                return "timed out after " + Detail.human(timeout);
            }
            if (t instanceof CertificateExpiredException) {
                return "certificate expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "certificate not yet valid";
            }
            if (t instanceof CertificateException && isNameMismatch(t.getMessage())) {
                return "certificate does not match host " + host;
            }
            // OkHttp checks the name itself after the handshake: "Hostname x not verified: …"
            if (t instanceof SSLPeerUnverifiedException && message(t).startsWith("Hostname ")) {
                return "certificate does not match host " + host;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || message(t).contains("PKIX path building failed")) {
                return "certificate not trusted (no chain to a trusted root)";
            }
            if (t instanceof CertPathValidatorException) {
                return "certificate rejected: " + message(t);
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host " + host;
            }
            if (t instanceof ConnectException && message(t).toLowerCase().contains("refused")) {
                return "connection refused";
            }
        }
        if (error instanceof ConnectException && messages(error).isEmpty()) {
            // HttpClient reports a refused connection without any message on some platforms
            return "connection refused";
        }
        return null;
    }

    private static String general(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = message(t);
            if (t instanceof SSLHandshakeException) {
                if (message.contains("No appropriate protocol") || message.contains("protocol_version")) {
                    return "TLS handshake failed: no TLS protocol version acceptable to both sides";
                }
                return "TLS handshake failed: " + message;
            }
            if (t instanceof SSLException) {
                return "TLS error: " + message;
            }
            if (t instanceof ConnectException) {
                return "connection failed" + (message.isEmpty() ? "" : ": " + message);
            }
            if (t instanceof EOFException || message.contains("received no bytes")) {
                return "connection closed by the server";
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = message(root);
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static boolean isNameMismatch(String message) {
        return message != null && (message.contains("subject alternative") || message.startsWith("No name matching"));
    }

    private static String messages(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(message(t));
        }
        return text.toString();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }
}
