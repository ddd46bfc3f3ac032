import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import preflight.testing.FakeSlackApi;
import preflight.testing.SlackRequests;

/**
 * 1,000 pipelines waiting on one instance: {@code GET /api/v1/releases/v1/verdict?wait=600} held open
 * at once against Preflight (its packaged jar, a JVM of its own), then the last approval clicked in
 * Slack. Measures the memory the waits add (RSS of the Preflight process) and the time from the
 * click to the last of the 1,000 answers. Writes its section of bench/RESULTS.md.
 *
 *   bash bench/longpoll.sh
 */
public class LongPoll {

    static final int WAITERS = Integer.parseInt(env("BENCH_WAITERS", "1000"));
    static final String SECRET = "bench-signing-secret";
    static final String SCHEMA = "bench_longpoll";
    static final String CHANNEL = "CBENCHLP";
    static final String DB_URL = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:5432/preflight");
    static final String DB_USER = env("SPRING_DATASOURCE_USERNAME", "preflight");
    static final String DB_PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "preflight");
    static final Path WORK = Path.of("target", "bench-longpoll");

    public static void main(String[] args) throws Exception {
        Files.createDirectories(WORK.resolve("templates"));
        Files.writeString(WORK.resolve("templates").resolve("gate.md"), """
                ---
                signoff:
                  Tech Lead: [U0TECH]
                ---
                # Gate
                ## Release
                - [ ] CI green {#ci-green}
                ## Sign-off
                | Role | Name | Date |
                |---|---|---|
                | Tech Lead | | |
                """);
        try (var db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
            db.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        var slack = FakeSlackApi.start();
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        var builder = new ProcessBuilder(java(), "-jar", env("BENCH_JAR", null))
                .redirectErrorStream(true).redirectOutput(WORK.resolve("preflight.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("PREFLIGHT_")
                || k.startsWith("SPRING_"));
        builder.environment().putAll(Map.of("SLACK_API_URL", slack.apiUrl(), "SLACK_BOT_TOKEN", "xoxb-bench",
                "SLACK_SIGNING_SECRET", SECRET,
                "SPRING_DATASOURCE_URL", DB_URL + (DB_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "SPRING_DATASOURCE_USERNAME", DB_USER, "SPRING_DATASOURCE_PASSWORD", DB_PASSWORD,
                "SPRING_FLYWAY_SCHEMAS", SCHEMA, "PREFLIGHT_TEMPLATES_DIR", WORK.resolve("templates").toAbsolutePath().toString(),
                "SERVER_PORT", Integer.toString(port), "PREFLIGHT_API_REQUESTS_PER_MINUTE", "1000000"));
        var preflight = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(preflight::destroyForcibly));
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        awaitReady(http, base);

        // A token as `/deploy token create` stores it: only its hash.
        String token = "pft_" + "b".repeat(43);
        try (var db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
            var insert = db.prepareStatement("""
                    INSERT INTO %s.api_token (channel_id, team_domain, name, hash, created_by, created_by_name, created_at)
                    VALUES (?, 'bench', 'bench', ?, 'U0ALICE', 'alice', now())""".formatted(SCHEMA));
            insert.setString(1, CHANNEL);
            insert.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))));
            insert.executeUpdate();
        }
        call(http, base, token, "POST", "/api/v1/releases", "{\"version\":\"v1\",\"template\":\"gate\"}");
        call(http, base, token, "POST", "/api/v1/releases/v1/items/ci-green", "{\"ticked\":true}");
        var signoffs = await(() -> slack.messages(CHANNEL).stream().filter(m -> m.blocks().stream()
                .anyMatch(b -> "so:head".equals(b.get("block_id")))).findFirst().orElse(null));
        Thread.sleep(2000); // the sign-off message's ts is stored just after Slack answered the post

        // warm-up: the code paths of a wait, answered at its deadline
        for (int i = 0; i < 50; i++) {
            call(http, base, token, "GET", "/api/v1/releases/v1/verdict?wait=1", null);
        }
        System.gc();
        Thread.sleep(3000);
        long rssBefore = rssKb(preflight.pid());

        long sending = System.nanoTime();
        var answers = new ArrayList<CompletableFuture<Long>>();
        for (int i = 0; i < WAITERS; i++) {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/releases/v1/verdict?wait=600"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(11)).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                if (response.statusCode() != 200 || !response.body().contains("\"go\":true")) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                return System.nanoTime();
            }));
        }
        Thread.sleep(10_000); // every request sent and parked
        long early = answers.stream().filter(CompletableFuture::isDone).count();
        long rssWaiting = rssKb(preflight.pid());
        long threads = Files.list(Path.of("/proc", Long.toString(preflight.pid()), "task")).count();

        long clicked = System.nanoTime();
        var requests = new SlackRequests(base, SECRET, slack);
        var click = requests.clickButton(signoffs, "signoff_approve:0", "U0TECH", "tech");
        long clickAcked = System.nanoTime();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        var times = answers.stream().map(CompletableFuture::join).map(t -> (t - clicked) / 1e6).sorted().toList();
        double last = times.getLast();
        double median = times.get(times.size() / 2);

        var result = String.format("""
                <!-- longpoll -->
                ## 4. %,d pipelines waiting for GO (long poll)

                Written by `bash bench/longpoll.sh` (bench/LongPoll.java) on %s. Two cores, shared
                with PostgreSQL and the load generator (and, on a shared machine, with whatever else runs): the
                times are an upper bound of what this code needs. One Preflight instance
                (`java -jar`, default JVM flags) on PostgreSQL on 127.0.0.1; the %,d waits come from one
                `HttpClient` (HTTP/1.1, one connection each); the last approval is a signed `block_actions` click.

                | what | value |
                |---|---:|
                | waits answered before the approval (must be 0) | %d |
                | Preflight RSS before the waits | %,d MiB |
                | Preflight RSS with %,d waits parked | %,d MiB |
                | memory added by the waits (RSS) | %,d MiB (%.1f KiB per wait) |
                | threads of the Preflight process while they wait | %d |
                | approval click acknowledged after | %.0f ms |
                | click → median answer | %.0f ms |
                | click → all %,d answered | %.0f ms |
                | click status | %d |
                <!-- /longpoll -->
                """, WAITERS, ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                WAITERS, early, rssBefore / 1024, WAITERS, rssWaiting / 1024, (rssWaiting - rssBefore) / 1024,
                (rssWaiting - rssBefore) / (double) WAITERS, threads, (clickAcked - clicked) / 1e6, median, WAITERS, last,
                click.status());
        System.out.println(result);
        Path results = Path.of("bench", "RESULTS.md");
        String existing = Files.exists(results) ? Files.readString(results) : "";
        int from = existing.indexOf("<!-- longpoll -->");
        int to = existing.indexOf("<!-- /longpoll -->");
        String updated = from >= 0 && to > from
                ? existing.substring(0, from) + result.strip() + existing.substring(to + "<!-- /longpoll -->".length())
                : existing.stripTrailing() + "\n\n" + result;
        Files.writeString(results, updated);
        preflight.destroy();
        preflight.waitFor(30, TimeUnit.SECONDS);
        slack.close();
        System.exit(0);
    }

    static String call(HttpClient http, String base, String token, String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static void awaitReady(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Preflight not ready; see " + WORK.resolve("preflight.log"));
    }

    static <T> T await(java.util.function.Supplier<T> found) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var value = found.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the sign-off message was not posted");
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
