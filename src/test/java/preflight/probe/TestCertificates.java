package preflight.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Self-signed certificates made with the running JDK's keytool, once per test JVM. */
final class TestCertificates {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Path DIRECTORY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("preflight-probe-certs");
            DIRECTORY.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** For "localhost" and 127.0.0.1, valid for another 60 days. */
    static final Certificate LOCALHOST = issue("localhost", "dns:localhost,ip:127.0.0.1", "-1d", 61);
    /** For "localhost" and 127.0.0.1, expiring in about 5 days. */
    static final Certificate EXPIRING = issue("expiring", "dns:localhost,ip:127.0.0.1", "-1d", 6);
    /** For "localhost", expired 20 days ago. */
    static final Certificate EXPIRED = issue("expired", "dns:localhost,ip:127.0.0.1", "-30d", 10);
    /** Valid and trusted, but for another name. */
    static final Certificate OTHER_NAME = issue("othername", "dns:other.example.test", "-1d", 61);

    record Certificate(KeyStore keyStore, X509Certificate certificate) {

        SSLContext serverContext() {
            try {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore, PASSWORD);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    /** Trusts exactly the test certificates. */
    static X509TrustManager trustingTestCertificates() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (Certificate certificate : List.of(LOCALHOST, EXPIRING, EXPIRED, OTHER_NAME)) {
                trusted.setCertificateEntry(certificate.certificate().getSubjectX500Principal().getName()
                        + certificate.certificate().getSerialNumber(), certificate.certificate());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            return (X509TrustManager) trust.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Certificate issue(String alias, String subjectAlternativeNames, String startDate, int validityDays) {
        Path file = DIRECTORY.resolve(alias + ".p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + alias, "-ext", "SAN=" + subjectAlternativeNames,
                "-startdate", startDate, "-validity", Integer.toString(validityDays),
                "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD), "-noprompt"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, PASSWORD);
            }
            file.toFile().deleteOnExit();
            return new Certificate(keyStore, (X509Certificate) keyStore.getCertificate(alias));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
