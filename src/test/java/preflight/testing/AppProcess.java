package preflight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Preflight as a separate OS process — {@code java -cp <this JVM's class path>
 * preflight.PreflightApplication} — so a test can {@code kill -9} it, restart it and read
 * everything it printed. Each test gets its own database schema, so the app context other tests
 * keep running in this JVM never touches the child's outbox.
 */
public final class AppProcess implements AutoCloseable {

    public static final String DATABASE_URL = System.getenv().getOrDefault("SPRING_DATASOURCE_URL",
            "jdbc:postgresql://localhost:5432/preflight_test");
    public static final String DATABASE_USER = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "preflight");
    public static final String DATABASE_PASSWORD = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "preflight");

    private final Process process;
    private final Path log;
    public final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the app; {@code env} and {@code args} (Spring {@code --key=value}) come on top of the defaults. */
    public static AppProcess start(String name, Map<String, String> env, List<String> args) {
        int port = freePort();
        try {
            Path dir = Files.createDirectories(Path.of("target", "app-process"));
            Path log = dir.resolve(name + ".log");
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    "preflight.PreflightApplication", "--server.port=" + port));
            command.addAll(args);
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("SLACK_") || key.startsWith("SPRING_")
                    || key.startsWith("PREFLIGHT_"));
            builder.environment().putAll(env);
            return new AppProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the test database with {@code schema} as the app's only schema. */
    public static String databaseUrl(String schema) {
        return DATABASE_URL + (DATABASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Environment for a child using {@code schema} of the test database and {@code slack} as Slack. */
    public static Map<String, String> environment(String schema, FakeSlackApi slack, String botToken, String signingSecret) {
        return Map.of(
                "SLACK_API_URL", slack.apiUrl(),
                "SLACK_BOT_TOKEN", botToken,
                "SLACK_SIGNING_SECRET", signingSecret,
                "SPRING_DATASOURCE_URL", databaseUrl(schema),
                "SPRING_DATASOURCE_USERNAME", DATABASE_USER,
                "SPRING_DATASOURCE_PASSWORD", DATABASE_PASSWORD,
                "SPRING_FLYWAY_SCHEMAS", schema,
                "PREFLIGHT_TEMPLATES_DIR", SharedChecklists.asTemplatesDir().toString());
    }

    /** Drops and forgets the schema, so every run starts from an empty database. */
    public static void dropSchema(String schema) {
        try (var connection = DriverManager.getConnection(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JdbcClient jdbc(String schema) {
        return JdbcClient.create(new DriverManagerDataSource(databaseUrl(schema), DATABASE_USER, DATABASE_PASSWORD));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the app says it is ready for traffic; fails with its output if it died. */
    public AppProcess awaitReady(Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("app exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            SlackMatchesDatabase.sleep(100);
        }
        throw new AssertionError("app not ready within " + timeout + ":\n" + tail());
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, leases left as they were. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: Spring shuts down gracefully. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    public boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void waitFor() {
        if (!waitForExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far (its whole log: stdout and stderr). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        String out = output();
        return out.length() <= 4000 ? out : out.substring(out.length() - 4000);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
