package preflight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the Slack Web API. Records every call, keeps the state of posted messages
 * and can be told to fail the next call of a method.
 *
 * <p>{@link #calls()} holds every request received, including failed ones, each recorded once it is
 * answered, so a test that sees a call also sees what it changed; {@link #failedCalls()}
 * holds the subset that was not answered {@code ok:true} (injected failures and Slack errors such as
 * {@code message_not_found}). A failed call never changes message state. A {@link Failure#slowResponse}
 * call is not a failure: it is processed at once and only its answer is delayed, like a Slack that did
 * the work but answered too late.
 */
public final class FakeSlackApi implements AutoCloseable {

    public static final String RESPONSE_URL_METHOD = "response_url";
    /** The POST of a file's bytes to the upload_url that files.getUploadURLExternal returned. */
    public static final String UPLOAD_URL_METHOD = "upload_url";
    public static final String TEAM_ID = "T0FAKE";
    public static final String TEAM_DOMAIN = "fake";
    public static final String APP_ID = "A0FAKE";
    public static final String BOT_USER_ID = "U0BOT";
    public static final String BOT_ID = "B0BOT";

    private static final String UNPARSABLE_JSON = "_unparsable_json";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {};

    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final AtomicLong sequence = new AtomicLong();
    /** Like Slack's: the time of posting in microseconds, and every ts later than the previous one, across channels. */
    private final AtomicLong lastTsMicros = new AtomicLong();

    // guarded by lock
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> failedCalls = new ArrayList<>();
    private final Map<String, Queue<Failure>> failures = new HashMap<>();
    private Failure outage;
    private boolean outageOfEveryMethod;
    private final Map<String, LinkedHashMap<String, StoredMessage>> messagesByChannel = new LinkedHashMap<>();
    private final Map<String, StoredView> views = new LinkedHashMap<>();
    private final Map<String, String> userNames = new HashMap<>();
    private final Map<String, List<String>> userGroups = new HashMap<>();
    private final Map<String, List<String>> channelMembers = new HashMap<>();
    private final Map<String, String> workspaceRoles = new HashMap<>();
    private final Map<String, UploadedFile> files = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> homeViews = new HashMap<>();

    private FakeSlackApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeSlackApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FakeSlackApi fake = new FakeSlackApi(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiUrl() {
        return baseUrl() + "/api/";
    }

    public String responseUrl(String id) {
        return baseUrl() + "/response/" + id;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        // interrupts slow responses still sleeping
        executor.shutdownNow();
    }

    // ---- inspection ---------------------------------------------------------------------------

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    public List<Call> failedCalls() {
        synchronized (lock) {
            return List.copyOf(failedCalls);
        }
    }

    public List<Call> failedCalls(String method) {
        synchronized (lock) {
            return failedCalls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    public void clearCalls() {
        synchronized (lock) {
            calls.clear();
            failedCalls.clear();
        }
    }

    /** All messages of the channel, roots and thread replies, in post order, as they look now. */
    public List<Message> messages(String channel) {
        synchronized (lock) {
            var byTs = messagesByChannel.get(dmChannel(channel));
            return byTs == null ? List.of() : byTs.values().stream().map(StoredMessage::snapshot).toList();
        }
    }

    public Optional<Message> message(String channel, String ts) {
        synchronized (lock) {
            return Optional.ofNullable(find(dmChannel(channel), ts)).map(StoredMessage::snapshot);
        }
    }

    public List<Message> thread(String channel, String threadTs) {
        synchronized (lock) {
            return messages(channel).stream()
                    .filter(m -> threadTs.equals(m.threadTs()) && !threadTs.equals(m.ts()))
                    .toList();
        }
    }

    /** Views opened, pushed or updated, as last answered (with their "V…" id), in order of first opening. */
    public List<Map<String, Object>> views() {
        synchronized (lock) {
            return views.values().stream().map(v -> readMap(v.json)).toList();
        }
    }

    /** Files uploaded with files.getUploadURLExternal, the upload and files.completeUploadExternal, in order. */
    public List<UploadedFile> files() {
        synchronized (lock) {
            return files.values().stream().filter(f -> f.completed).toList();
        }
    }

    /** The Home tab last published for the user with views.publish. */
    public Optional<Map<String, Object>> homeView(String userId) {
        synchronized (lock) {
            return Optional.ofNullable(homeViews.get(userId)).map(view -> readMap(write(view)));
        }
    }

    public String userName(String userId) {
        synchronized (lock) {
            return userNames.getOrDefault(userId, userId);
        }
    }

    // ---- configuration ------------------------------------------------------------------------

    public void failNext(String method, Failure failure) {
        Objects.requireNonNull(failure);
        synchronized (lock) {
            failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(failure);
        }
    }

    /** Fails the next call of the method to one channel (Slack's limits are per method and channel). */
    public void failNext(String method, String channel, Failure failure) {
        failNext(method + "#" + channel, failure);
    }

    /** Every chat.* call fails this way until {@link #endOutage()}, like Slack during an incident. */
    public void outage(Failure failure) {
        synchronized (lock) {
            outage = Objects.requireNonNull(failure);
        }
    }

    /** Every call fails this way, auth.test and users.* included, until {@link #endOutage()}: Slack unreachable. */
    public void outageOfEveryMethod(Failure failure) {
        synchronized (lock) {
            outage = Objects.requireNonNull(failure);
            outageOfEveryMethod = true;
        }
    }

    public void endOutage() {
        synchronized (lock) {
            outage = null;
            outageOfEveryMethod = false;
        }
    }

    public void setUser(String id, String name) {
        synchronized (lock) {
            userNames.put(id, name);
        }
    }

    /** Makes {@code users.info} answer the user as a workspace admin ({@code is_admin}). */
    public void setWorkspaceAdmin(String id) {
        synchronized (lock) {
            workspaceRoles.put(id, "is_admin");
        }
    }

    /** Makes {@code users.info} answer the user as the workspace's owner ({@code is_owner}). */
    public void setWorkspaceOwner(String id) {
        synchronized (lock) {
            workspaceRoles.put(id, "is_owner");
        }
    }

    /** A message another app posted in the channel, with whatever metadata it chose; returns its ts. */
    public String postAsAnotherApp(String channel, String text, String metadataJson) {
        synchronized (lock) {
            var message = new StoredMessage(channel, nextTs(), null, text, "[]");
            message.metadataJson = metadataJson;
            message.botId = "B0OTHERBOT";
            message.appId = "A0OTHERAPP";
            messagesByChannel.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(message.ts, message);
            return message.ts;
        }
    }

    public void setUserGroup(String groupId, String... userIds) {
        synchronized (lock) {
            userGroups.put(groupId, List.of(userIds));
        }
    }

    public void setChannelMembers(String channel, String... userIds) {
        synchronized (lock) {
            channelMembers.put(channel, List.of(userIds));
        }
    }

    public void reset() {
        synchronized (lock) {
            calls.clear();
            failedCalls.clear();
            failures.clear();
            outage = null;
            outageOfEveryMethod = false;
            messagesByChannel.clear();
            views.clear();
            files.clear();
            homeViews.clear();
            userNames.clear();
            userGroups.clear();
            channelMembers.clear();
            workspaceRoles.clear();
        }
    }

    // ---- waiting ------------------------------------------------------------------------------

    public Call awaitCall(String method, Predicate<Call> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Call> found = calls(method).stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching " + method + " call within " + timeout + "; recent calls:\n" + recentCalls());
            }
            pause();
        }
    }

    public void awaitCalls(String method, int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls(method).size() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected at least " + atLeast + " " + method + " calls within " + timeout
                        + " but got " + calls(method).size() + "; recent calls:\n" + recentCalls());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for Slack calls", e);
        }
    }

    private String recentCalls() {
        List<Call> all = calls();
        List<Call> recent = all.subList(Math.max(0, all.size() - 20), all.size());
        if (recent.isEmpty()) {
            return "  (none)";
        }
        return recent.stream().map(c -> "  " + c.at() + " " + c.method() + " " + abbreviate(c.params().toString(), 300))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    // ---- HTTP ---------------------------------------------------------------------------------

    private record Answer(int status, Map<String, String> headers, String body, boolean ok) {
        static Answer json(Map<String, Object> body) {
            return new Answer(200, Map.of(), write(body), Boolean.TRUE.equals(body.get("ok")));
        }

        static Answer error(String error) {
            return json(ordered("ok", false, "error", error));
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method;
            if (path.startsWith("/api/")) {
                method = path.substring("/api/".length());
            } else if (path.startsWith("/response/")) {
                method = RESPONSE_URL_METHOD;
            } else if (path.startsWith("/upload/")) {
                method = UPLOAD_URL_METHOD;
            } else {
                send(exchange, new Answer(404, Map.of(), "not found", false));
                return;
            }
            // an upload's body is the file itself, not parameters
            Map<String, String> params = method.equals(UPLOAD_URL_METHOD)
                    ? new LinkedHashMap<>(Map.of("file_id", path.substring("/upload/".length())))
                    : parseParams(exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    exchange.getRequestURI().getRawQuery());
            if (method.equals(RESPONSE_URL_METHOD)) {
                params.put("response_url_id", path.substring("/response/".length()));
            }
            Call call = new Call(method, Collections.unmodifiableMap(params), body,
                    exchange.getRequestHeaders().getFirst("Authorization"), Instant.now());

            Failure failure;
            synchronized (lock) {
                Queue<Failure> queue = failures.get(method + "#" + params.get("channel"));
                failure = queue == null ? null : queue.poll();
                if (failure == null) {
                    queue = failures.get(method);
                    failure = queue == null ? null : queue.poll();
                }
                if (failure == null && outage != null && (outageOfEveryMethod || method.startsWith("chat."))) {
                    failure = outage;
                }
            }
            Answer answer = switch (failure) {
                case Failure.RateLimited r -> new Answer(429, Map.of("Retry-After", String.valueOf(r.retryAfterSeconds())),
                        "{\"ok\":false,\"error\":\"ratelimited\"}", false);
                case Failure.ServerError s -> new Answer(500, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}", false);
                case Failure.SlackError e -> Answer.error(e.error());
                case Failure.SlowResponse s -> dispatch(call);
                case Failure.Hang h -> new Answer(503, Map.of(), "{\"ok\":false,\"error\":\"service_unavailable\"}", false);
                case null -> dispatch(call);
            };
            synchronized (lock) { // recorded once answered: whoever sees a call also sees what it did
                calls.add(call);
                if (!answer.ok()) {
                    failedCalls.add(call);
                }
            }
            if (failure instanceof Failure.SlowResponse(Duration delay)) {
                Thread.sleep(delay);
            }
            if (failure instanceof Failure.Hang(Duration delay)) {
                Thread.sleep(delay);
            }
            send(exchange, answer);
        } catch (IOException | InterruptedException e) {
            // client went away (e.g. timed out on a slow response) or the server is closing
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        boolean json = answer.body().startsWith("{");
        exchange.getResponseHeaders().set("Content-Type", json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    // The Java SDK posts form bodies (blocks, view… as JSON strings); other clients may post JSON.
    public static Map<String, String> parseParams(String contentType, String body, String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(rawQuery, params);
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("application/json")) {
            if (!body.isBlank()) {
                try {
                    readMap(body).forEach((k, v) -> params.put(k, v instanceof String s ? s : write(v)));
                } catch (JacksonException e) {
                    params.put(UNPARSABLE_JSON, body);
                }
            }
        } else {
            parseForm(body, params);
        }
        return params;
    }

    private static void parseForm(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    private Answer dispatch(Call call) {
        if (call.method().equals(RESPONSE_URL_METHOD)) {
            return new Answer(200, Map.of(), "ok", true);
        }
        if (call.method().equals(UPLOAD_URL_METHOD)) {
            synchronized (lock) {
                UploadedFile file = files.get(call.param("file_id"));
                if (file == null) {
                    return new Answer(404, Map.of(), "file not found", false);
                }
                file.content = call.rawBody();
                return new Answer(200, Map.of(), "OK - " + call.rawBody().getBytes(StandardCharsets.UTF_8).length, true);
            }
        }
        if (call.params().containsKey(UNPARSABLE_JSON)) {
            return Answer.error("invalid_json");
        }
        String token = token(call);
        if (token == null || token.isBlank()) {
            return Answer.error("not_authed");
        }
        if (!token.startsWith("xox")) {
            return Answer.error("invalid_auth");
        }
        try {
            synchronized (lock) {
                return switch (call.method()) {
                    case "auth.test" -> authTest();
                    case "chat.postMessage" -> postMessage(call);
                    case "chat.update" -> update(call);
                    case "chat.postEphemeral" -> postEphemeral(call);
                    case "chat.getPermalink" -> permalink(call);
                    case "views.open", "views.push" -> openView(call);
                    case "views.update" -> updateView(call);
                    case "views.publish" -> publishView(call);
                    case "files.getUploadURLExternal" -> uploadUrl(call);
                    case "files.completeUploadExternal" -> completeUpload(call);
                    case "users.info" -> userInfo(call);
                    case "usergroups.users.list" -> userGroupUsers(call);
                    case "conversations.open" -> openConversation(call);
                    case "conversations.members" -> members(call);
                    case "conversations.history" -> history(call);
                    case "conversations.replies" -> replies(call);
                    default -> Answer.error("unknown_method");
                };
            }
        } catch (JacksonException e) {
            return Answer.error("invalid_json");
        }
    }

    private static String token(Call call) {
        String auth = call.authorization();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return call.param("token");
    }

    // ---- methods (called with lock held) ------------------------------------------------------

    private Answer authTest() {
        return Answer.json(ordered("ok", true, "url", "https://fake.slack.com/", "team", "Fake", "user", "preflight",
                "team_id", TEAM_ID, "user_id", BOT_USER_ID, "bot_id", BOT_ID));
    }

    private Answer postMessage(Call call) {
        String channel = call.param("channel");
        if (channel == null || channel.isBlank()) {
            return Answer.error("channel_not_found");
        }
        String text = call.param("text");
        String blocks = call.param("blocks");
        if (isBlank(text) && isBlank(blocks) && isBlank(call.param("attachments"))) {
            return Answer.error("no_text");
        }
        String blocksJson;
        try {
            blocksJson = normalizeBlocks(blocks);
        } catch (JacksonException | ClassCastException e) {
            return Answer.error("invalid_blocks");
        }
        String threadTs = emptyToNull(call.param("thread_ts"));
        StoredMessage message = new StoredMessage(dmChannel(channel), nextTs(), threadTs, text == null ? "" : text, blocksJson);
        message.metadataJson = emptyToNull(call.param("metadata"));
        messagesByChannel.computeIfAbsent(message.channel, c -> new LinkedHashMap<>()).put(message.ts, message);
        return Answer.json(ordered("ok", true, "channel", message.channel, "ts", message.ts, "message", messageJson(message)));
    }

    private Answer update(Call call) {
        String channel = dmChannel(call.param("channel"));
        StoredMessage message = find(channel, call.param("ts"));
        if (message == null) {
            return Answer.error("message_not_found");
        }
        String blocksJson = null;
        if (call.param("blocks") != null) {
            try {
                blocksJson = normalizeBlocks(call.param("blocks"));
            } catch (JacksonException | ClassCastException e) {
                return Answer.error("invalid_blocks");
            }
        }
        // Like Slack: a field left out keeps its previous value.
        if (call.param("text") != null) {
            message.text = call.param("text");
        }
        if (blocksJson != null) {
            message.blocksJson = blocksJson;
        }
        message.updateCount++;
        return Answer.json(ordered("ok", true, "channel", channel, "ts", message.ts, "text", message.text,
                "message", messageJson(message)));
    }

    private Answer postEphemeral(Call call) {
        if (isBlank(call.param("channel"))) {
            return Answer.error("channel_not_found");
        }
        if (isBlank(call.param("user"))) {
            return Answer.error("user_not_in_channel");
        }
        if (isBlank(call.param("text")) && isBlank(call.param("blocks")) && isBlank(call.param("attachments"))) {
            return Answer.error("no_text");
        }
        return Answer.json(ordered("ok", true, "message_ts", nextTs()));
    }

    private Answer permalink(Call call) {
        String channel = dmChannel(call.param("channel"));
        StoredMessage message = find(channel, call.param("message_ts"));
        if (message == null) {
            return Answer.error("message_not_found");
        }
        String link = "https://fake.slack.com/archives/" + channel + "/p" + message.ts.replace(".", "");
        if (message.threadTs != null && !message.threadTs.equals(message.ts)) {
            link += "?thread_ts=" + message.threadTs + "&cid=" + channel;
        }
        return Answer.json(ordered("ok", true, "channel", channel, "permalink", link));
    }

    private Answer openView(Call call) {
        if (isBlank(call.param("trigger_id")) && isBlank(call.param("interactivity_pointer"))) {
            return Answer.error("invalid_arguments");
        }
        if (isBlank(call.param("view"))) {
            return Answer.error("invalid_arguments");
        }
        String id = "V0FAKE" + sequence.incrementAndGet();
        Map<String, Object> view = viewJson(id, readMap(call.param("view")), null);
        views.put(id, new StoredView(write(view)));
        return Answer.json(ordered("ok", true, "view", view));
    }

    private Answer updateView(Call call) {
        if (isBlank(call.param("view"))) {
            return Answer.error("invalid_arguments");
        }
        String id = call.param("view_id");
        if (isBlank(id) && !isBlank(call.param("external_id"))) {
            id = views.entrySet().stream()
                    .filter(e -> call.param("external_id").equals(readMap(e.getValue().json).get("external_id")))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
        StoredView stored = id == null ? null : views.get(id);
        if (stored == null) {
            return Answer.error("not_found");
        }
        Map<String, Object> previous = readMap(stored.json);
        if (!isBlank(call.param("hash")) && !call.param("hash").equals(previous.get("hash"))) {
            return Answer.error("hash_conflict");
        }
        Map<String, Object> view = viewJson(id, readMap(call.param("view")), previous);
        stored.json = write(view);
        return Answer.json(ordered("ok", true, "view", view));
    }

    private Map<String, Object> viewJson(String id, Map<String, Object> given, Map<String, Object> previous) {
        Map<String, Object> view = ordered("id", id, "team_id", TEAM_ID);
        view.putAll(given);
        view.putIfAbsent("private_metadata", "");
        view.putIfAbsent("callback_id", "");
        view.putIfAbsent("external_id", "");
        view.put("state", ordered("values", new LinkedHashMap<>()));
        view.put("hash", nextTs().replace(".", "") + ".fakehash");
        view.put("root_view_id", previous == null ? id : previous.get("root_view_id"));
        view.put("previous_view_id", null);
        view.put("app_id", APP_ID);
        view.put("app_installed_team_id", TEAM_ID);
        view.put("bot_id", BOT_ID);
        return view;
    }

    private Answer publishView(Call call) {
        if (isBlank(call.param("user_id")) || isBlank(call.param("view"))) {
            return Answer.error("invalid_arguments");
        }
        Map<String, Object> given = readMap(call.param("view"));
        if (!"home".equals(given.get("type"))) {
            return Answer.error("invalid_arguments");
        }
        Map<String, Object> view = viewJson("V0HOME" + sequence.incrementAndGet(), given, null);
        homeViews.put(call.param("user_id"), view);
        return Answer.json(ordered("ok", true, "view", view));
    }

    private Answer uploadUrl(Call call) {
        if (isBlank(call.param("filename")) || isBlank(call.param("length"))) {
            return Answer.error("invalid_arguments");
        }
        String id = "F0FAKE" + sequence.incrementAndGet();
        files.put(id, new UploadedFile(id, call.param("filename")));
        return Answer.json(ordered("ok", true, "upload_url", baseUrl() + "/upload/" + id, "file_id", id));
    }

    @SuppressWarnings("unchecked")
    private Answer completeUpload(Call call) {
        if (isBlank(call.param("files"))) {
            return Answer.error("invalid_arguments");
        }
        List<Object> given = JSON.readValue(call.param("files"), LIST);
        List<Map<String, Object>> completed = new ArrayList<>();
        for (Object entry : given) {
            Map<String, Object> details = (Map<String, Object>) entry;
            UploadedFile file = files.get(String.valueOf(details.get("id")));
            if (file == null || file.content == null) {
                return Answer.error("file_not_found");
            }
            file.title = (String) details.get("title");
            file.channelId = emptyToNull(call.param("channel_id"));
            file.threadTs = emptyToNull(call.param("thread_ts"));
            file.initialComment = emptyToNull(call.param("initial_comment"));
            file.completed = true;
            completed.add(ordered("id", file.id, "title", file.title == null ? file.name : file.title, "name", file.name));
        }
        return Answer.json(ordered("ok", true, "files", completed));
    }

    private Answer userInfo(Call call) {
        String id = call.param("user");
        if (isBlank(id)) {
            return Answer.error("user_not_found");
        }
        String name = userNames.getOrDefault(id, id);
        Map<String, Object> profile = ordered("real_name", name, "display_name", name,
                "real_name_normalized", name, "display_name_normalized", name);
        Map<String, Object> user = ordered("id", id, "team_id", TEAM_ID, "name", name, "deleted", false,
                "real_name", name, "tz", "UTC", "tz_label", "Coordinated Universal Time", "tz_offset", 0,
                "profile", profile, "is_bot", false);
        String role = workspaceRoles.get(id);
        user.put("is_admin", role != null);
        user.put("is_owner", "is_owner".equals(role));
        return Answer.json(ordered("ok", true, "user", user));
    }

    private Answer userGroupUsers(Call call) {
        List<String> users = userGroups.get(call.param("usergroup"));
        if (users == null) {
            return Answer.error("no_such_subteam");
        }
        return Answer.json(ordered("ok", true, "users", users));
    }

    private Answer openConversation(Call call) {
        String users = call.param("users");
        if (isBlank(users)) {
            String channel = call.param("channel");
            if (isBlank(channel)) {
                return Answer.error("users_list_not_supplied");
            }
            return Answer.json(ordered("ok", true, "channel", ordered("id", channel)));
        }
        String first = users.split(",")[0].trim();
        return Answer.json(ordered("ok", true, "channel", ordered("id", "D" + first)));
    }

    private Answer members(Call call) {
        if (isBlank(call.param("channel"))) {
            return Answer.error("channel_not_found");
        }
        List<String> members = channelMembers.getOrDefault(call.param("channel"), List.of());
        return Answer.json(ordered("ok", true, "members", members, "response_metadata", ordered("next_cursor", "")));
    }

    /** Top-level messages of a channel, newest first, from {@code oldest} on; one page, no cursor. */
    private Answer history(Call call) {
        String channel = dmChannel(call.param("channel"));
        var messages = messagesByChannel.getOrDefault(channel, new LinkedHashMap<>()).values().stream()
                .filter(m -> m.threadTs == null || m.threadTs.equals(m.ts))
                .filter(m -> isBlank(call.param("oldest")) || tsMicros(m.ts) >= tsMicros(call.param("oldest")))
                .map(m -> listed(m, call))
                .toList()
                .reversed();
        return Answer.json(ordered("ok", true, "messages", messages, "has_more", false,
                "response_metadata", ordered("next_cursor", "")));
    }

    /** The parent and the replies of a thread, oldest first, from {@code oldest} on; one page, no cursor. */
    private Answer replies(Call call) {
        String channel = dmChannel(call.param("channel"));
        String parent = call.param("ts");
        StoredMessage root = find(channel, parent);
        if (root == null) {
            return Answer.error("thread_not_found");
        }
        var messages = messagesByChannel.get(channel).values().stream()
                .filter(m -> m.ts.equals(parent) || parent.equals(m.threadTs))
                .filter(m -> m.ts.equals(parent) || isBlank(call.param("oldest"))
                        || tsMicros(m.ts) >= tsMicros(call.param("oldest")))
                .map(m -> listed(m, call))
                .toList();
        return Answer.json(ordered("ok", true, "messages", messages, "has_more", false,
                "response_metadata", ordered("next_cursor", "")));
    }

    /** A message as the conversations.* methods list it: metadata only when asked for, as Slack does. */
    private Map<String, Object> listed(StoredMessage m, Call call) {
        Map<String, Object> json = messageJson(m);
        String include = call.param("include_all_metadata");
        if (m.metadataJson != null && ("true".equals(include) || "1".equals(include))) {
            json.put("metadata", readMap(m.metadataJson));
        }
        return json;
    }

    private static long tsMicros(String ts) {
        String[] parts = ts.split("\\.");
        return Long.parseLong(parts[0]) * 1_000_000 + (parts.length > 1 ? Long.parseLong((parts[1] + "000000").substring(0, 6)) : 0);
    }

    // ---- message state ------------------------------------------------------------------------

    private static final class StoredMessage {
        final String channel;
        final String ts;
        final String threadTs;
        String text;
        String blocksJson;
        /** The metadata param as posted (JSON), or null. */
        String metadataJson;
        int updateCount;
        String botId = BOT_ID;
        String appId = APP_ID;

        StoredMessage(String channel, String ts, String threadTs, String text, String blocksJson) {
            this.channel = channel;
            this.ts = ts;
            this.threadTs = threadTs;
            this.text = text;
            this.blocksJson = blocksJson;
        }

        Message snapshot() {
            return new Message(channel, ts, threadTs, text, readBlocks(blocksJson), updateCount);
        }
    }

    private static final class StoredView {
        String json;

        StoredView(String json) {
            this.json = json;
        }
    }

    private StoredMessage find(String channel, String ts) {
        var byTs = messagesByChannel.get(channel);
        return byTs == null || ts == null ? null : byTs.get(ts);
    }

    private Map<String, Object> messageJson(StoredMessage m) {
        Map<String, Object> json = ordered("type", "message", "user", BOT_USER_ID, "bot_id", m.botId, "app_id", m.appId,
                "text", m.text, "ts", m.ts, "team", TEAM_ID);
        if (m.threadTs != null) {
            json.put("thread_ts", m.threadTs);
            json.put("parent_user_id", BOT_USER_ID);
        }
        json.put("blocks", readBlocks(m.blocksJson));
        return json;
    }

    private String nextTs() {
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        long micros = lastTsMicros.accumulateAndGet(nowMicros, (last, clock) -> Math.max(last + 100, clock));
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    // Slack fills in a block_id for every block and an action_id for every interactive element.
    private String normalizeBlocks(String blocksParam) {
        if (isBlank(blocksParam)) {
            return "[]";
        }
        List<Map<String, Object>> blocks = readBlocks(blocksParam);
        for (Map<String, Object> block : blocks) {
            block.computeIfAbsent("block_id", k -> "fake" + sequence.incrementAndGet());
            for (Map<String, Object> element : interactiveElements(block)) {
                element.computeIfAbsent("action_id", k -> "fake-action" + sequence.incrementAndGet());
            }
        }
        return write(blocks);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> interactiveElements(Map<String, Object> block) {
        List<Map<String, Object>> elements = new ArrayList<>();
        if (block.get("elements") instanceof List<?> list && "actions".equals(block.get("type"))) {
            list.forEach(e -> elements.add((Map<String, Object>) e));
        }
        if (block.get("accessory") instanceof Map<?, ?> accessory) {
            elements.add((Map<String, Object>) accessory);
        }
        if (block.get("element") instanceof Map<?, ?> element) {
            elements.add((Map<String, Object>) element);
        }
        return elements;
    }

    private static String dmChannel(String channel) {
        // Posting to a user id lands in the DM with that user, as conversations.open names it.
        if (channel != null && (channel.startsWith("U") || channel.startsWith("W"))) {
            return "D" + channel;
        }
        return channel;
    }

    // ---- JSON helpers -------------------------------------------------------------------------

    public static Map<String, Object> readMap(String json) {
        return JSON.readValue(json, MAP);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readBlocks(String json) {
        if (isBlank(json)) {
            return new ArrayList<>();
        }
        List<Object> list = JSON.readValue(json, LIST);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Object o : list) {
            blocks.add((Map<String, Object>) o);
        }
        return blocks;
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return isBlank(s) ? null : s;
    }

    // ---- public types -------------------------------------------------------------------------

    public record Call(String method, Map<String, String> params, String rawBody, String authorization, Instant at) {
        public String param(String name) {
            return params.get(name);
        }

        /** The "blocks" param; for views.* calls, the blocks of the "view" param. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> blocks() {
            String blocks = params.get("blocks");
            if (!isBlank(blocks)) {
                return readBlocks(blocks);
            }
            Map<String, Object> view = view();
            if (view.get("blocks") instanceof List<?> viewBlocks) {
                return new ArrayList<>((List<Map<String, Object>>) viewBlocks);
            }
            return new ArrayList<>();
        }

        /** The parsed "view" param of views.open / views.update / views.push; empty map if none. */
        public Map<String, Object> view() {
            String view = params.get("view");
            return isBlank(view) ? new LinkedHashMap<>() : readMap(view);
        }

        @Override
        public String toString() {
            return "Call[" + method + " " + abbreviate(params.toString(), 500) + "]";
        }
    }

    public record Message(String channel, String ts, String threadTs, String text, List<Map<String, Object>> blocks,
                          int updateCount) {
    }

    /** A file as uploaded: shared in channelId (and the thread threadTs) once the upload was completed. */
    public static final class UploadedFile {
        private final String id;
        private final String name;
        private volatile String content;
        private volatile String title;
        private volatile String channelId;
        private volatile String threadTs;
        private volatile String initialComment;
        private volatile boolean completed;

        UploadedFile(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public String id() { return id; }
        public String name() { return name; }
        public String content() { return content; }
        public String title() { return title; }
        public String channelId() { return channelId; }
        public String threadTs() { return threadTs; }
        public String initialComment() { return initialComment; }

        @Override
        public String toString() {
            return "UploadedFile[" + id + " " + name + " in " + channelId + "/" + threadTs + "]";
        }
    }

    public sealed interface Failure {
        static Failure rateLimited(int retryAfterSeconds) {
            return new RateLimited(retryAfterSeconds);
        }

        static Failure serverError() {
            return new ServerError();
        }

        static Failure slowResponse(Duration delay) {
            return new SlowResponse(delay);
        }

        static Failure error(String slackError) {
            return new SlackError(slackError);
        }

        /** Like a Slack that hangs: the call is not processed and answered (503) only after the delay. */
        static Failure hang(Duration delay) {
            return new Hang(delay);
        }

        public record Hang(Duration delay) implements Failure {
        }

        public record RateLimited(int retryAfterSeconds) implements Failure {
        }

        public record ServerError() implements Failure {
        }

        public record SlowResponse(Duration delay) implements Failure {
        }

        public record SlackError(String error) implements Failure {
        }
    }

    @Override
    public String toString() {
        return "FakeSlackApi[" + apiUrl() + "]";
    }
}
