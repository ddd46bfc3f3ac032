import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.app_backend.SlackSignature;

import preflight.checklist.ChecklistParser;
import preflight.probe.ProbeRunner;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Preflight's benchmark. Starts three processes — the fake Slack Web API
 * (preflight.testing.FakeSlackServer from the test classes), Preflight from its packaged jar, and a
 * bare Bolt app that only acks (bench/BareBoltApp.java) — and drives them from this process over
 * 127.0.0.1 only, with every loop bounded in count and time. Prints a table and writes
 * bench/RESULTS.md. Run through bench/run.sh, which builds what it needs and passes:
 *   BENCH_JAR, BENCH_CLASSPATH (test class path, for the fake, the bare app and this program).
 * Optional: SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD (default: the `preflight` database; the
 * benchmark works in its own schema `bench`, dropped at start), BENCH_SECONDS (per load step, 8),
 * BENCH_RESULTS (bench/RESULTS.md), BENCH_QUICK=1 or =start (only ticks, or only /deploy start, at 32 clients, printed, no file), BENCH_WARMUP (s, 120),
 * BENCH_PREFLIGHT_JVM (extra JVM options for Preflight, space-separated, e.g. a JFR recording),
 * BENCH_START_COMMANDS (commands per /deploy start step, 400; more for a steadier profile),
 * BENCH_STARTS (timed launches of Preflight as bin/preflight starts it, 5; BENCH_QUICK=startup: only those).
 */
public class Bench {

    static final String SECRET = "bench-signing-secret-" + UUID.randomUUID();
    static final String TOKEN = "xoxb-bench-token";
    static final String SCHEMA = "bench";
    static final int[] CLIENTS = {1, 8, 32, 64};
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final String DB_URL = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:5432/preflight");
    static final String DB_USER = env("SPRING_DATASOURCE_USERNAME", "preflight");
    static final String DB_PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "preflight");
    static final Path WORK = Path.of("target", "bench");
    static final Duration STEP = Duration.ofSeconds(Long.parseLong(env("BENCH_SECONDS", "8")));
    static final Duration WARMUP = Duration.ofSeconds(1);
    /**
     * Before the first tick step of each server: the JIT compilers of four JVMs share two cores,
     * and Preflight's larger code path takes over a minute of load to compile, so a short warm-up
     * measures the compiler, not the steady state (bench/README.md, item 12).
     */
    static final Duration FIRST_WARMUP = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP", "120")));
    /** Preflight's outbox worker, a platform thread of its own: its CPU is reported apart. */
    static final String SYNC_THREAD = "message-sync";
    static final Pattern SYNC_THREADS = Pattern.compile(Pattern.quote(SYNC_THREAD));
    /** HotSpot's compiler threads ("C1 CompilerThre", "C2 CompilerThre" in /proc: names are cut at 15 characters). */
    static final Pattern JIT_THREADS = Pattern.compile("C[12] CompilerThre.*");
    static final Pattern POSTGRES_PROCESSES = Pattern.compile("postgres.*");
    static final int COMMANDS_PER_STEP = Integer.parseInt(env("BENCH_START_COMMANDS", "400"));
    static final int STARTS = Integer.parseInt(env("BENCH_STARTS", "5"));
    static final Pattern STARTED = Pattern.compile("Started PreflightApplication in ([0-9.]+) seconds");
    /** BENCH_QUICK=1 (ticks) or =start: only that step at 32 clients, twice, printed and not written to the file. */
    static final boolean QUICK = System.getenv("BENCH_QUICK") != null && !System.getenv("BENCH_QUICK").isBlank();
    static final String QUICK_KIND = switch (String.valueOf(System.getenv("BENCH_QUICK"))) {
        case "start" -> "/deploy start";
        case "help" -> "/deploy help";
        default -> "block_actions tick";
    };

    static final List<Process> processes = new ArrayList<>();
    static final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly)));
        long benchStart = System.nanoTime();
        Files.createDirectories(WORK);
        Path templates = templates();
        dropSchema();

        // ---- processes ------------------------------------------------------------------------
        var fake = start("fake-slack", List.of(java(), "-Xmx1g", "-cp", env("BENCH_CLASSPATH", null),
                "preflight.testing.FakeSlackServer"), Map.of());
        Matcher fakeUrls = awaitLine(fake.log, Pattern.compile("FAKE_SLACK api=(\\S+) control=(\\S+)"), Duration.ofSeconds(60));
        String slackApi = fakeUrls.group(1);
        String control = fakeUrls.group(2);

        int preflightPort = freePort();
        String preflightUrl = "http://127.0.0.1:" + preflightPort;
        var appEnv = Map.of("SLACK_API_URL", slackApi, "SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                "SPRING_DATASOURCE_URL", DB_URL + (DB_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "SPRING_DATASOURCE_USERNAME", DB_USER, "SPRING_DATASOURCE_PASSWORD", DB_PASSWORD,
                "SPRING_FLYWAY_SCHEMAS", SCHEMA, "PREFLIGHT_TEMPLATES_DIR", templates.toAbsolutePath().toString(),
                "SERVER_PORT", Integer.toString(preflightPort),
                // the load steps start hundreds of releases in a channel; the per-channel cap would refuse them
                "PREFLIGHT_MAX_ACTIVE_RELEASES", "100000");
        boolean onlyStartUp = "startup".equals(System.getenv("BENCH_QUICK"));
        StartUps startUps = QUICK && !onlyStartUp ? null : startUps(appEnv, preflightUrl);
        if (onlyStartUp) {
            processes.forEach(Process::destroy);
            return;
        }
        long launched = System.nanoTime();
        var preflightCommand = new ArrayList<>(List.of(java()));
        preflightCommand.addAll(List.of(env("BENCH_PREFLIGHT_JVM", "-Dbench=1").split(" ")));
        preflightCommand.addAll(List.of("-jar", env("BENCH_JAR", null)));
        var preflight = start("preflight", preflightCommand, appEnv);
        awaitReady(preflightUrl + "/actuator/health/readiness", preflight, Duration.ofSeconds(120));
        double readySeconds = (System.nanoTime() - launched) / 1e9;
        Matcher started = awaitLine(preflight.log, STARTED, Duration.ofSeconds(5));
        say("Preflight ready in %.1f s (Spring: %s s)", readySeconds, started.group(1));
        Thread.sleep(5_000);
        long idleRss = rssKb(preflight.process.pid());
        say("Preflight idle RSS %d MiB", idleRss / 1024);

        try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
            db.createStatement().execute("SET search_path TO " + SCHEMA);
            var slack = new Slack(control);
            var requests = new Requests(preflightUrl + "/slack/events");

            // ---- (2) Slack API economy ---------------------------------------------------------
            List<String[]> economy = QUICK ? List.of() : economyOfStart(db, slack, requests, templates);
            String[] burst = QUICK ? null : tickBurst(db, slack, requests);
            if (!QUICK || "drain".equals(System.getenv("BENCH_QUICK"))) {
                drain = backlogDrain(db, slack, requests);
            }
            if ("drain".equals(System.getenv("BENCH_QUICK"))) {
                return;
            }

            // ---- (3) footprint with 1,000 active releases ----------------------------------------
            long before = System.nanoTime();
            var created = load(requests, 8, Duration.ofSeconds(120), QUICK ? 0 : 1000, (client, seq, n) ->
                    Requests.command("CFOOT" + (n % 10), "U0FOOT", "start fp-" + n));
            awaitDrained(db, Duration.ofSeconds(240));
            double fillSeconds = (System.nanoTime() - before) / 1e9;
            int active = count(db, "SELECT count(*) FROM deployment WHERE status = 'IN_PROGRESS'");
            Thread.sleep(3_000);
            long busyRss = rssKb(preflight.process.pid());
            say("%d active releases (%d started in %.1f s, thread posted); RSS %d MiB", active, created.ok, fillSeconds,
                    busyRss / 1024);

            // ---- (1) ack latency and throughput ----------------------------------------------------
            int barePort = freePort();
            var bare = start("bare-bolt", List.of(java(), "-cp", env("BENCH_CLASSPATH", null), "bench/BareBoltApp.java",
                    Integer.toString(barePort)), Map.of("SLACK_API_URL", slackApi, "SLACK_BOT_TOKEN", TOKEN,
                    "SLACK_SIGNING_SECRET", SECRET));
            awaitLine(bare.log, Pattern.compile("BARE_BOLT ready"), Duration.ofSeconds(120));
            var bareRequests = new Requests("http://127.0.0.1:" + barePort + "/slack/events");

            var ticks = tickTargets(db, slack, requests);
            slack.clearCalls();
            List<Result> results = new ArrayList<>();
            for (String kind : QUICK ? List.of(QUICK_KIND) : List.of("block_actions tick", "/deploy start", "/deploy help")) {
                for (int clients : QUICK ? new int[] {32, 32} : CLIENTS) {
                    for (var target : List.of(new Target("Preflight", requests, preflight.process),
                            new Target("bare Bolt", bareRequests, bare.process))) {
                        int run = results.size();
                        boolean starts = kind.equals("/deploy start");
                        BodyFactory bodies = kind.startsWith("block")
                                ? (client, seq, n) -> ticks.body(client, seq)
                                : starts ? (client, seq, n) -> Requests.command("CLOAD" + run, "U0LOAD" + client,
                                        "start r" + run + "-" + client + "-" + seq)
                                : (client, seq, n) -> Requests.command("CHELP" + run, "U0LOAD" + client, "help");
                        // every /deploy start makes the sync worker post a thread afterwards: bounded by count,
                        // so that the posting the next step waits for stays short
                        int max = starts ? COMMANDS_PER_STEP : Integer.MAX_VALUE;
                        boolean first = kind.startsWith("block") && results.size() < 2;
                        load(target.requests(), first ? 32 : clients, first ? FIRST_WARMUP : WARMUP,
                                starts ? 50 : max, bodies);
                        long cpuBefore = cpuNanos(target.process());
                        long syncBefore = threadCpuNanos(target.process(), SYNC_THREADS);
                        long jitBefore = threadCpuNanos(target.process(), JIT_THREADS);
                        long postgresBefore = postgresCpuNanos();
                        var result = load(target.requests(), clients, STEP, max, bodies)
                                .named(target.name(), kind, clients, cpuNanos(target.process()) - cpuBefore,
                                        threadCpuNanos(target.process(), SYNC_THREADS) - syncBefore,
                                        threadCpuNanos(target.process(), JIT_THREADS) - jitBefore,
                                        postgresCpuNanos() - postgresBefore);
                        results.add(result);
                        say("%-9s %-19s %2d clients: p50 %6.1f ms  p99 %6.1f ms  %7.0f req/s  %5.2f CPU ms/req"
                                        + " (JIT %.2f, %s %.2f); PostgreSQL %.2f CPU ms/req  (%d errors)",
                                result.target, kind, clients, result.p50ms(), result.p99ms(), result.rps(),
                                result.cpuMsPerRequest(), result.jitCpuMsPerRequest(), SYNC_THREAD,
                                result.syncCpuMsPerRequest(), result.postgresCpuMsPerRequest(), result.errors);
                        if (target.name().equals("Preflight")) {
                            awaitDrained(db, Duration.ofSeconds(180)); // the next step starts from a quiet outbox
                        }
                    }
                }
            }
            long endRss = rssKb(preflight.process.pid());
            if (QUICK) {
                return; // a quick look while working on speed: printed, not written to RESULTS.md
            }

            writeReport(startUps, readySeconds, started.group(1), idleRss, busyRss, active, endRss, economy, burst, results,
                    (System.nanoTime() - benchStart) / 1e9);
        } finally {
            processes.forEach(Process::destroy);
            for (var process : processes) { // let each shut down (and write what it writes at exit)
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    // ---- Slack API economy ----------------------------------------------------------------------

    /** Web API calls made by /deploy start for each shared template: messages posted vs. sections. */
    static List<String[]> economyOfStart(Connection db, Slack slack, Requests requests, Path templates) throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<Path> files;
        try (var list = Files.list(templates)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("shared-")).sorted().toList();
        }
        int n = 0;
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".md", "");
            var checklist = new ChecklistParser(ProbeRunner.withDefaults()).parse(name, Files.readString(file));
            String channel = "CECON" + n++;
            slack.clearCalls();
            var answer = requests.send(Requests.command(channel, "U0ECON", "start v1 " + name));
            awaitDrained(db, Duration.ofSeconds(60));
            var calls = slack.calls(null, 0);
            Map<String, Integer> byMethod = new LinkedHashMap<>();
            calls.stream().filter(c -> !"auth.test".equals(c.get("method")))
                    .forEach(c -> byMethod.merge((String) c.get("method"), 1, Integer::sum));
            var messages = slack.messages(channel);
            int maxBlocks = messages.stream().mapToInt(m -> ((List<?>) m.get("blocks")).size()).max().orElse(0);
            rows.add(new String[] {name, Integer.toString(checklist.sections().size()),
                    Integer.toString(checklist.items().size()), Integer.toString(messages.size()),
                    Integer.toString(messages.size() - 1), Integer.toString(maxBlocks), byMethod.toString(),
                    Integer.toString(answer.statusCode())});
            say("start %s: %d sections, %d items -> %d messages (%s)", name, checklist.sections().size(),
                    checklist.items().size(), messages.size(), byMethod);
        }
        return rows;
    }

    /** The backlog-drain row, once measured: pending, outage s, drained in s, chat.* calls, Slack equals database. */
    static String[] drain;

    /**
     * Slack answers 500 to every chat.* call for BENCH_OUTAGE seconds (60) while people tick (one a second
     * on a 300-item release) and start releases (one every 10 s); then Slack recovers. Measures what
     * was pending, how long the outbox took to empty, and the chat.* calls that took.
     */
    static String[] backlogDrain(Connection db, Slack slack, Requests requests) throws Exception {
        String channel = "CDRAIN";
        requests.send(Requests.command(channel, "U0DRAIN", "start drain-1 burst-300"));
        awaitDrained(db, Duration.ofSeconds(60));
        var thread = slack.messages(channel).stream().filter(m -> m.get("threadTs") != null).toList();
        var targets = new ArrayList<Tick>();
        thread.forEach(message -> targets.addAll(Tick.items(message)));
        Collections.shuffle(targets, new Random(7));
        int outage = Integer.parseInt(env("BENCH_OUTAGE", "60"));
        slack.outage(true);
        long start = System.nanoTime();
        for (int s = 0; s < outage; s++) {
            long wait = start + s * 1_000_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            requests.send(targets.get(s % targets.size()).body("U0D" + (s % 10), true));
            if (s % 10 == 0) {
                requests.send(Requests.command(channel + s, "U0DRAIN", "start drain-" + s));
            }
        }
        int pending = count(db, "SELECT count(*) FROM message_view WHERE ts IS NULL OR rendered_rev < wanted_rev");
        slack.clearCalls();
        long t0 = System.currentTimeMillis();
        slack.outage(false);
        awaitDrained(db, Duration.ofSeconds(600));
        double drained = (System.currentTimeMillis() - t0) / 1000.0;
        long calls = slack.calls(null, t0).stream().filter(c -> String.valueOf(c.get("method")).startsWith("chat.")).count();
        Set<String> ticked = new HashSet<>();
        try (var rs = db.createStatement().executeQuery("SELECT i.item_id FROM item_tick i JOIN deployment d"
                + " ON d.id = i.deployment_id WHERE d.release = 'drain-1'")) {
            while (rs.next()) {
                ticked.add(rs.getString(1));
            }
        }
        boolean equal = true;
        for (var message : slack.messages(channel)) {
            if (message.get("threadTs") != null) {
                var expected = new HashSet<>(Tick.items(message).stream().map(t -> t.value).toList());
                expected.retainAll(ticked);
                equal &= new HashSet<>(Tick.selected(message)).equals(expected);
            }
        }
        var row = new String[] {Integer.toString(pending), Integer.toString(outage), String.format("%.1f", drained),
                Long.toString(calls), equal ? "yes" : "NO"};
        say("Backlog drain after a %d s outage: %d messages pending, outbox empty %.1f s after Slack recovered,"
                + " %d chat.* calls, Slack equals database: %s", outage, pending, drained, calls, row[4]);
        return row;
    }

    /** 200 ticks in 10 seconds over 5 checklist messages: chat.update calls, and the end state. */
    static String[] tickBurst(Connection db, Slack slack, Requests requests) throws Exception {
        String channel = "CBURST";
        requests.send(Requests.command(channel, "U0BURST", "start burst-1 burst-300"));
        awaitDrained(db, Duration.ofSeconds(60));
        var thread = slack.messages(channel).stream().filter(m -> m.get("threadTs") != null).toList();
        // 200 different items drawn at random from all five messages, so every message gets ticks
        var targets = new ArrayList<Tick>();
        var random = new Random(42);
        thread.forEach(message -> targets.addAll(Tick.items(message)));
        Collections.shuffle(targets, random);
        var burst = targets.subList(0, Math.min(200, targets.size()));
        slack.clearCalls();
        long t0 = System.currentTimeMillis();
        long start = System.nanoTime();
        for (int i = 0; i < burst.size(); i++) {
            long due = start + i * 50_000_000L; // 20 a second: 200 in 10 s
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            requests.send(burst.get(i).body("U0B" + (i % 25), true));
        }
        double sent = (System.nanoTime() - start) / 1e9;
        awaitDrained(db, Duration.ofSeconds(90));
        double settled = (System.currentTimeMillis() - t0) / 1000.0;
        var updates = slack.calls("chat.update", t0).stream().map(c -> ((Number) c.get("at")).longValue()).sorted().toList();
        int maxPerMinute = 0;
        for (int i = 0; i < updates.size(); i++) {
            int j = i;
            while (j < updates.size() && updates.get(j) < updates.get(i) + 60_000) {
                j++;
            }
            maxPerMinute = Math.max(maxPerMinute, j - i);
        }
        // the end state: every message shows exactly the database's ticks, the card the count
        Set<String> ticked = new HashSet<>();
        try (var rs = db.createStatement().executeQuery("SELECT i.item_id FROM item_tick i JOIN deployment d"
                + " ON d.id = i.deployment_id WHERE d.release = 'burst-1'")) {
            while (rs.next()) {
                ticked.add(rs.getString(1));
            }
        }
        boolean equal = ticked.size() == burst.size();
        int total = 0;
        String cardText = "";
        for (var message : slack.messages(channel)) {
            if (message.get("threadTs") == null) {
                cardText = (String) message.get("text");
                continue;
            }
            var shown = Tick.items(message).stream().map(t -> t.value).toList();
            total += shown.size();
            var selected = new HashSet<>(Tick.selected(message));
            var expected = new HashSet<>(shown);
            expected.retainAll(ticked);
            equal &= selected.equals(expected);
        }
        equal &= cardText.contains(": " + ticked.size() + "/" + total);
        say("burst: %d ticks in %.1f s over %d messages -> %d chat.update, max %d in any minute, settled after %.1f s,"
                + " Slack equals database: %s", burst.size(), sent, thread.size(), updates.size(), maxPerMinute, settled, equal);
        return new String[] {Integer.toString(burst.size()), String.format("%.1f", sent), Integer.toString(thread.size()),
                Integer.toString(updates.size()), Integer.toString(maxPerMinute), String.format("%.1f", settled),
                equal ? "yes" : "NO"};
    }

    // ---- load ------------------------------------------------------------------------------------

    interface BodyFactory {
        String body(int client, int seq, int n);
    }

    /** One server under load: where to send, and the process whose CPU time a step costs. */
    record Target(String name, Requests requests, Process process) {
    }

    record Result(String target, String kind, int clients, long ok, long errors, double seconds, long[] micros,
                  long cpuNanos, long syncCpuNanos, long jitCpuNanos, long postgresCpuNanos) {
        Result named(String target, String kind, int clients, long cpuNanos, long syncCpuNanos, long jitCpuNanos,
                     long postgresCpuNanos) {
            return new Result(target, kind, clients, ok, errors, seconds, micros, cpuNanos, syncCpuNanos, jitCpuNanos,
                    postgresCpuNanos);
        }

        /** CPU time of all PostgreSQL server processes during the step, per answered request. */
        double postgresCpuMsPerRequest() {
            return ok == 0 ? Double.NaN : postgresCpuNanos / 1e6 / ok;
        }

        /** CPU time the server process spent per answered request (all its threads: JIT and GC included). */
        double cpuMsPerRequest() {
            return ok == 0 ? Double.NaN : cpuNanos / 1e6 / ok;
        }

        /** The part of {@link #cpuMsPerRequest} spent by Preflight's message-sync thread (posting to Slack). */
        double syncCpuMsPerRequest() {
            return ok == 0 ? Double.NaN : syncCpuNanos / 1e6 / ok;
        }

        /** The part of {@link #cpuMsPerRequest} spent by the JIT compiler threads. */
        double jitCpuMsPerRequest() {
            return ok == 0 ? Double.NaN : jitCpuNanos / 1e6 / ok;
        }

        double rps() {
            return ok / seconds;
        }

        double p50ms() {
            return percentile(0.50);
        }

        double p99ms() {
            return percentile(0.99);
        }

        double percentile(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            return micros[Math.min(micros.length - 1, (int) Math.ceil(p * micros.length) - 1)] / 1000.0;
        }
    }

    /** {@code clients} closed-loop clients send until {@code duration} has passed or {@code max} requests were sent. */
    static Result load(Requests target, int clients, Duration duration, int max, BodyFactory bodies) throws Exception {
        var latencies = new ConcurrentLinkedQueue<long[]>();
        var errors = new AtomicLong();
        var sent = new AtomicInteger();
        var go = new CountDownLatch(1);
        long[] window = new long[2];
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                try {
                    go.await();
                    for (int seq = 0; System.nanoTime() < window[1]; seq++) {
                        int n = sent.getAndIncrement();
                        if (n >= max) {
                            break;
                        }
                        String body = bodies.body(client, seq, n);
                        long t = System.nanoTime();
                        int status = target.send(body).statusCode();
                        long micros = (System.nanoTime() - t) / 1000;
                        if (status != 200) {
                            errors.incrementAndGet();
                        } else {
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, count * 2);
                            }
                            mine[count++] = micros;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies.add(Arrays.copyOf(mine, count));
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (var thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result("", "", clients, all.length, errors.get(), seconds, all, 0, 0, 0, 0);
    }

    /** Signed requests to one /slack/events endpoint. */
    record Requests(String url) {
        static final SlackSignature.Generator SIGNER = new SlackSignature.Generator(SECRET);

        HttpResponse<String> send(String body) throws IOException, InterruptedException {
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", SIGNER.generate(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        static String command(String channel, String user, String text) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("token", "bench");
            form.put("team_id", "T0FAKE");
            form.put("team_domain", "fake");
            form.put("channel_id", channel);
            form.put("channel_name", channel.toLowerCase());
            form.put("user_id", user);
            form.put("user_name", user.toLowerCase());
            form.put("command", "/deploy");
            form.put("text", text);
            form.put("api_app_id", "A0FAKE");
            form.put("response_url", "http://127.0.0.1:9/response/" + UUID.randomUUID());
            form.put("trigger_id", "1." + UUID.randomUUID());
            return form(form);
        }

        static String form(Map<String, String> form) {
            var body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return body.toString();
        }
    }

    /** One checkbox of a checklist message, and the click that ticks or unticks it. */
    record Tick(String channel, String ts, String value, int first, int end, int index) {
        static final Pattern BLOCK = Pattern.compile("ck:(\\d+):(\\d+):[0-9a-f]+");

        @SuppressWarnings("unchecked")
        static List<Tick> items(Map<String, Object> message) {
            var ticks = new ArrayList<Tick>();
            for (var block : (List<Map<String, Object>>) message.get("blocks")) {
                var m = BLOCK.matcher(String.valueOf(block.get("block_id")));
                if (!"actions".equals(block.get("type")) || !m.matches()) {
                    continue;
                }
                int first = Integer.parseInt(m.group(1));
                int end = Integer.parseInt(m.group(2));
                var element = ((List<Map<String, Object>>) block.get("elements")).getFirst();
                var options = (List<Map<String, Object>>) element.get("options");
                for (int i = 0; i < options.size(); i++) {
                    ticks.add(new Tick((String) message.get("channel"), (String) message.get("ts"),
                            (String) options.get(i).get("value"), first, end, i));
                }
            }
            return ticks;
        }

        @SuppressWarnings("unchecked")
        static List<String> selected(Map<String, Object> message) {
            var values = new ArrayList<String>();
            for (var block : (List<Map<String, Object>>) message.get("blocks")) {
                if ("actions".equals(block.get("type"))) {
                    for (var element : (List<Map<String, Object>>) block.get("elements")) {
                        var initial = (List<Map<String, Object>>) element.get("initial_options");
                        if (initial != null) {
                            initial.forEach(o -> values.add((String) o.get("value")));
                        }
                    }
                }
            }
            return values;
        }

        /** A click from someone whose client shows only this item's state: ticks it, or unticks it. */
        String body(String user, boolean tick) {
            int mask = tick ? 0 : 1 << index;
            var selected = tick ? List.of(Map.of("value", value, "text", Map.of("type", "mrkdwn", "text", value)))
                    : List.of();
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "checkboxes");
            action.put("action_id", "checklist_tick");
            action.put("block_id", "ck:" + first + ":" + end + ":" + String.format("%04x", mask));
            action.put("selected_options", selected);
            action.put("action_ts", Instant.now().getEpochSecond() + ".000100");
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "block_actions");
            payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(),
                    "team_id", "T0FAKE"));
            payload.put("api_app_id", "A0FAKE");
            payload.put("token", "bench");
            payload.put("container", Map.of("type", "message", "message_ts", ts, "channel_id", channel));
            payload.put("trigger_id", "1." + UUID.randomUUID());
            payload.put("team", Map.of("id", "T0FAKE", "domain", "fake"));
            payload.put("channel", Map.of("id", channel, "name", channel.toLowerCase()));
            payload.put("response_url", "http://127.0.0.1:9/response/" + UUID.randomUUID());
            payload.put("actions", List.of(action));
            return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
        }
    }

    /** Each client ticks and unticks its own item of an 80-item release in turn: every click changes state. */
    record TickTargets(List<Tick> items) {
        String body(int client, int seq) {
            return items.get(client % items.size()).body("U0LOAD" + client, seq % 2 == 0);
        }
    }

    static TickTargets tickTargets(Connection db, Slack slack, Requests requests) throws Exception {
        requests.send(Requests.command("CTICKS", "U0LOAD", "start load-1 bench-80"));
        awaitDrained(db, Duration.ofSeconds(60));
        var items = slack.messages("CTICKS").stream().filter(m -> m.get("threadTs") != null)
                .flatMap(m -> Tick.items(m).stream()).toList();
        if (items.size() < 64) {
            throw new IllegalStateException("bench-80 rendered only " + items.size() + " items");
        }
        return new TickTargets(items);
    }

    // ---- the fake Slack's control endpoint --------------------------------------------------------

    record Slack(String control) {
        static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

        List<Map<String, Object>> calls(String method, long since) throws Exception {
            return JSON.readValue(get("/calls?since=" + since + (method == null ? "" : "&method=" + method)), LIST);
        }

        List<Map<String, Object>> messages(String channel) throws Exception {
            return JSON.readValue(get("/messages?channel=" + channel), LIST);
        }

        void outage(boolean on) throws Exception {
            HTTP.send(HttpRequest.newBuilder(URI.create(control + "/outage?on=" + (on ? 1 : 0)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }

        void clearCalls() throws Exception {
            HTTP.send(HttpRequest.newBuilder(URI.create(control + "/clear-calls")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
        }

        String get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(control + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    // ---- processes, database, machine ------------------------------------------------------------

    record StartUps(List<Double> ready, List<Double> spring) {
        String summary(List<Double> seconds) {
            var sorted = seconds.stream().sorted().toList();
            return String.format("%.1f s (%.1f–%.1f)", sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast());
        }
    }

    /**
     * Start-up as operators get it: bin/preflight's last step, .ci/start.sh (the extracted jar,
     * Spring AOT, the class cache, the container's memory flags). One launch first records the
     * cache when the jar has none (and migrates the schema); then BENCH_STARTS launches, each timed
     * from launch to readiness and stopped before the next. The load steps use a process of their own.
     */
    static StartUps startUps(Map<String, String> appEnv, String url) throws Exception {
        var env = new LinkedHashMap<>(appEnv);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        var command = List.of("bash", ".ci/start.sh", env("BENCH_JAR", null));
        List<Double> ready = new ArrayList<>();
        List<Double> spring = new ArrayList<>();
        for (int i = 0; i <= STARTS; i++) {
            long launched = System.nanoTime();
            var started = start("preflight-start-" + i, command, env);
            awaitReady(url + "/actuator/health/readiness", started, Duration.ofSeconds(i == 0 ? 300 : 120));
            double seconds = (System.nanoTime() - launched) / 1e9;
            double springSeconds = Double.parseDouble(awaitLine(started.log, STARTED, Duration.ofSeconds(5)).group(1));
            started.process.destroy();
            if (!started.process.waitFor(30, TimeUnit.SECONDS)) {
                started.process.destroyForcibly().waitFor();
            }
            processes.remove(started.process);
            if (i == 0) {
                say("Preflight as bin/preflight starts it: first launch (class cache recorded if missing) %.1f s", seconds);
            } else {
                ready.add(seconds);
                spring.add(springSeconds);
                say("Preflight as bin/preflight starts it, launch %d: ready in %.1f s (Spring: %.3f s)", i, seconds, springSeconds);
            }
        }
        var startUps = new StartUps(ready, spring);
        say("Preflight as bin/preflight starts it: ready in %s, Spring %s", startUps.summary(ready), startUps.summary(spring));
        return startUps;
    }

    record Started(Process process, Path log) {
    }

    static Started start(String name, List<String> command, Map<String, String> env) throws IOException {
        Path log = WORK.resolve(name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("PREFLIGHT_")
                || k.startsWith("SPRING_") || k.equals("SERVER_PORT"));
        builder.environment().putAll(env);
        var process = builder.start();
        processes.add(process);
        return new Started(process, log);
    }

    static Matcher awaitLine(Path log, Pattern pattern, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log));
                if (m.find()) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no '" + pattern + "' in " + log + " within " + timeout);
    }

    static void awaitReady(String url, Started process, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.process.isAlive()) {
                throw new IllegalStateException("exited; see " + process.log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not ready within " + timeout + "; see " + process.log);
    }

    /** Until every message of every release is posted and rendered at its wanted revision. */
    static void awaitDrained(Connection db, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(db, "SELECT (SELECT count(*) FROM message_view WHERE ts IS NULL OR rendered_rev < wanted_rev)"
                + " + (SELECT count(*) FROM message_view_change)") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("outbox not drained within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    static int count(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void dropSchema() throws SQLException {
        try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
            db.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** The shared checklists as shared-NNN, plus two generated ones: bench-80 and burst-300. */
    static Path templates() throws IOException {
        Path dir = WORK.resolve("templates");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        Path shared = Path.of("..", "shared", "checklists");
        if (Files.isDirectory(shared)) {
            try (var files = Files.list(shared)) {
                for (Path f : files.sorted().toList()) {
                    Files.copy(f, dir.resolve("shared-" + f.getFileName().toString().substring(0, 3) + ".md"));
                }
            }
        }
        Files.writeString(dir.resolve("bench-80.md"), generated("Load test", 8, 10));
        Files.writeString(dir.resolve("burst-300.md"), generated("Tick burst", 6, 50));
        return dir;
    }

    static String generated(String title, int sections, int items) {
        var md = new StringBuilder("# " + title + "\n\n## Release\n");
        for (int s = 1; s <= sections; s++) {
            md.append("\n### Section ").append(s).append("\n\n");
            for (int i = 1; i <= items; i++) {
                md.append("- [ ] Section ").append(s).append(" item ").append(i).append(": check it\n");
            }
        }
        return md.toString();
    }

    static long cpuNanos(Process process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU time of every PostgreSQL server process on this machine (the benchmark's database is local). */
    static long postgresCpuNanos() {
        return statCpuNanos(Path.of("/proc"), POSTGRES_PROCESSES);
    }

    /** CPU time of the process's threads whose names match. */
    static long threadCpuNanos(Process process, Pattern name) {
        return statCpuNanos(Path.of("/proc", Long.toString(process.pid()), "task"), name);
    }

    /**
     * Sums utime and stime of the processes (in /proc) or threads (in /proc/<pid>/task) whose name,
     * as their stat file gives it, matches. Linux only; USER_HZ is 100.
     */
    static long statCpuNanos(Path directory, Pattern name) {
        long ticks = 0;
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    if (!name.matcher(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))).matches()) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (IOException ended) {
                    // gone between listing and reading
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new IllegalStateException(name + " is not set (run bench/run.sh)");
            }
            return fallback;
        }
        return value;
    }

    static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }

    // ---- report -----------------------------------------------------------------------------------

    static void writeReport(StartUps startUps, double readySeconds, String springSeconds, long idleRss, long busyRss, int active,
                            long endRss, List<String[]> economy, String[] burst, List<Result> results,
                            double benchSeconds) throws Exception {
        var r = new StringBuilder();
        r.append("# Benchmark results\n\n");
        r.append("Written by `bench/run.sh` (bench/Bench.java) on ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now()))
                .append("; the whole run took ").append(String.format("%.0f", benchSeconds)).append(" s.\n\n");
        r.append("## Machine\n\n").append(machine()).append('\n');
        r.append("Everything runs on this one machine and shares its cores: PostgreSQL, the fake Slack"
                + " (its own JVM), Preflight (`java -jar`, default JVM flags), the bare Bolt app and this load"
                + " generator (its own JVM). All traffic is on 127.0.0.1.\n\n");

        r.append("## 1. Ack latency and throughput\n\n");
        r.append("Closed loop: each client sends a signed request, waits for the answer, sends the next, for ")
                .append(STEP.toSeconds()).append(" s after a ").append(WARMUP.toSeconds()).append(" s warm-up (")
                .append(FIRST_WARMUP.toSeconds()).append(" s at 32 clients before each server's first tick step, so that the JIT")
                .append(" compilers have settled: on two shared cores Preflight needs over a minute of load). Latency is")
                .append(" measured by the client (request sent → answer read). *block_actions tick*: each client ticks,")
                .append(" then unticks, its own item of an 80-item release, so every click is stored (item_tick row,")
                .append(" audit event, outbox marked stale) before the ack. */deploy start*: every command starts a new")
                .append(" release (validated, stored with its audit event and outbox rows) and is acked; a step stops")
                .append(" after ").append(COMMANDS_PER_STEP).append(" commands (after 50 for warm-up), because each")
                .append(" thread is posted afterwards by the sync worker and the next step waits until that is done. The bare")
                .append(" Bolt app runs the same Bolt servlet on the same embedded Tomcat (virtual threads) and only acks.\n\n");
        r.append("| request | clients | Preflight p50 ms | Preflight p99 ms | Preflight req/s | Preflight CPU ms/req |"
                + " of which JIT | of which posting to Slack | PostgreSQL CPU ms/req | bare p50 ms | bare p99 ms | bare req/s | bare CPU ms/req"
                + " | of which JIT | throughput Preflight/bare | errors |\n");
        r.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            var p = results.get(i);
            var b = results.get(i + 1);
            r.append(String.format("| %s | %d | %.1f | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.0f | %.2f"
                            + " | %.2f | %.2f | %d / %d |%n",
                    p.kind, p.clients, p.p50ms(), p.p99ms(), p.rps(), p.cpuMsPerRequest(), p.jitCpuMsPerRequest(),
                    p.syncCpuMsPerRequest(), p.postgresCpuMsPerRequest(), b.p50ms(), b.p99ms(), b.rps(), b.cpuMsPerRequest(), b.jitCpuMsPerRequest(),
                    p.rps() / b.rps(), p.errors, b.errors));
        }
        r.append("\n*CPU ms/req*: CPU time of the server's process (all threads, JIT compiler and GC included)"
                + " during the step, divided by the requests it answered. *Of which JIT*: the part spent by HotSpot's"
                + " compiler threads (code still being compiled). *Of which posting to Slack*: the part spent by"
                + " Preflight's `" + SYNC_THREAD + "` thread, which renders and posts (or updates) the messages after"
                + " the ack; the bare app posts nothing. *PostgreSQL CPU ms/req*: all PostgreSQL server processes"
                + " during Preflight's step (they share the two cores with everything else).\n");
        r.append("\nTargets (issue 6): p99 ack < 100 ms at 32 clients; Preflight's throughput at least half the"
                + " bare app's. This run:\n\n");
        for (var p : results) {
            if (p.target.equals("Preflight") && p.clients == 32) {
                var b = results.get(results.indexOf(p) + 1);
                r.append(String.format("- %s at 32 clients: p99 %.0f ms (%s), throughput %.3f of the bare app's (%s)%n",
                        p.kind, p.p99ms(), p.p99ms() < 100 ? "met" : "missed", p.rps() / b.rps(),
                        p.rps() >= b.rps() / 2 ? "met" : "missed"));
            }
        }
        r.append("\nTargets (issue 17), side by side with the bare app in this run:\n\n");
        for (var p : results) {
            if (p.target.equals("Preflight") && p.clients == 32 && !p.kind.equals("/deploy start")) {
                var b = results.get(results.indexOf(p) + 1);
                double throughput = p.kind.startsWith("block") ? 0.6 : 0.8;
                double latency = p.kind.startsWith("block") ? 1.3 : 1.5;
                r.append(String.format("- %s at 32 clients: throughput %.3f of the bare app's (target %.1f: %s),"
                                + " p99 %.2f of the bare app's (target %.1f: %s), errors %d%n",
                        p.kind, p.rps() / b.rps(), throughput, p.rps() >= b.rps() * throughput ? "met" : "missed",
                        p.p99ms() / b.p99ms(), latency, p.p99ms() <= b.p99ms() * latency ? "met" : "missed", p.errors));
            }
        }
        r.append("\nWhat limits Preflight here, and what was changed because of it: see bench/README.md.\n\n");

        r.append("## 2. Slack API economy\n\n");
        r.append("`/deploy start` of each template in `../shared/checklists/` (Web API calls until the thread is"
                + " complete, auth.test left out):\n\n");
        r.append("| template | sections | items | messages posted | of which checklist | most blocks in one message |"
                + " Web API calls | ack status |\n|---|---:|---:|---:|---:|---:|---|---:|\n");
        for (String[] row : economy) {
            r.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        r.append("\nThe thread is one card plus the checklist messages. The layout packs items (10 to a checkboxes"
                + " element) up to Slack's per-message limits — at most 46 blocks and 11,000 characters of block"
                + " text counted for the worst case (every item ticked, with attribution) — so the number of"
                + " messages follows the items and the length of their notes, not the number of sections.\n\n");
        r.append("Tick burst (production setting `preflight.slack.min-update-interval` = 3 s): one release of the"
                + " generated 300-item template `burst-300`, ")
                .append(burst[0]).append(" ticks sent in ").append(burst[1]).append(" s, drawn at random from the 300 items of its ")
                .append(burst[2]).append(" checklist messages (plus the card, which shows the count).\n\n");
        r.append("| ticks | sent in s | checklist messages | chat.update calls | most chat.update in any 60 s |"
                + " outbox empty after s | Slack equals database |\n|---:|---:|---:|---:|---:|---:|---|\n");
        r.append("| ").append(String.join(" | ", burst)).append(" |\n\n");
        r.append("Target: ≤ 50 chat.update a minute (Tier 3), and the final messages equal the database.\n\n");
        if (drain != null) {
            r.append("Backlog drain: Slack answers 500 to every chat.* call for the outage while a tick a second"
                    + " and a `/deploy start` every 10 s are acked; then Slack recovers (production backoff: 2 s"
                    + " doubling up to 5 min).\n\n");
            r.append("| messages pending | outage s | outbox empty after s | chat.* calls to converge |"
                    + " Slack equals database |\n|---:|---:|---:|---:|---|\n");
            r.append("| ").append(String.join(" | ", drain)).append(" |\n\n");
        }

        r.append("## 3. Footprint\n\n");
        r.append("| measure | value |\n|---|---:|\n");
        r.append(String.format("| start-up as `bin/preflight` starts it (`.ci/start.sh`), launch → readiness probe UP,"
                + " median of %d (min–max) | %s |%n", startUps.ready.size(), startUps.summary(startUps.ready)));
        r.append("| the same as Spring reports it (`Started PreflightApplication in`) | ")
                .append(startUps.summary(startUps.spring)).append(" |\n");
        r.append(String.format("| start-up with `java -jar` (and `BENCH_PREFLIGHT_JVM`), launch → readiness probe UP | %.1f s |%n",
                readySeconds));
        r.append("| the same as Spring reports it | ").append(springSeconds).append(" s |\n");
        r.append(String.format("| resident memory (RSS), idle 5 s after start | %d MiB |%n", idleRss / 1024));
        r.append(String.format("| RSS with %d active releases (threads posted, 3 s later) | %d MiB |%n", active,
                busyRss / 1024));
        r.append(String.format("| RSS at the end of the run (after all load steps) | %d MiB |%n", endRss / 1024));
        String flags = System.getenv("BENCH_PREFLIGHT_JVM");
        r.append(flags == null || flags.isBlank()
                ? "\nDefault JVM flags: on this 24 GiB machine the JVM may grow its heap to 6 GiB, so RSS shows what"
                        + " the JVM chose to keep, not a lower bound; set `-Xmx`/`JAVA_TOOL_OPTIONS` to cap it.\n"
                : "\nPreflight's JVM flags (`BENCH_PREFLIGHT_JVM`): `" + flags.strip() + "`.\n");
        Path resultsFile = Path.of(env("BENCH_RESULTS", "bench/RESULTS.md"));
        // bench/longpoll.sh writes its own section; a run of this benchmark keeps it
        String previous = Files.exists(resultsFile) ? Files.readString(resultsFile) : "";
        int from = previous.indexOf("<!-- longpoll -->");
        int to = previous.indexOf("<!-- /longpoll -->");
        String longPoll = from >= 0 && to > from ? "\n" + previous.substring(from, to + "<!-- /longpoll -->".length()) + "\n" : "";
        Files.writeString(resultsFile, r + longPoll);
        System.out.println();
        System.out.println(r);
    }

    static String machine() throws Exception {
        var m = new StringBuilder();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\D+", "");
        m.append("- CPU: ").append(cpu).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        m.append("- memory: ").append(Long.parseLong(mem) / 1024 / 1024).append(" GiB\n");
        m.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(" (all JVMs)\n");
        try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
             var rs = db.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            m.append("- PostgreSQL: ").append(rs.getString(1)).append(" on 127.0.0.1\n");
        }
        m.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
        return m.toString();
    }
}
