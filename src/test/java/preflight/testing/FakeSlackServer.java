package preflight.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@link FakeSlackApi} as its own process, for the benchmark ({@code bench/}). Prints
 * {@code FAKE_SLACK api=<Web API URL> control=<control URL>} and serves, on 127.0.0.1 only:
 * <ul>
 *   <li>{@code GET /calls?method=chat.update&since=<epoch ms>} — {@code [{"at":ms,"ok":bool,"channel":…,"ts":…}]}</li>
 *   <li>{@code GET /messages?channel=C…} — the channel's messages as they look now</li>
 *   <li>{@code POST /clear-calls}, {@code POST /reset}</li>
 * </ul>
 */
public final class FakeSlackServer {

    private FakeSlackServer() {
    }

    public static void main(String[] args) throws Exception {
        var slack = FakeSlackApi.start();
        var control = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        control.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        control.createContext("/calls", exchange -> {
            var query = query(exchange);
            long since = Long.parseLong(query.getOrDefault("since", "0"));
            Set<FakeSlackApi.Call> failed = Set.copyOf(slack.failedCalls());
            List<FakeSlackApi.Call> calls = query.containsKey("method") ? slack.calls(query.get("method")) : slack.calls();
            var answer = calls.stream().filter(call -> call.at().toEpochMilli() >= since).map(call -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("method", call.method());
                json.put("at", call.at().toEpochMilli());
                json.put("ok", !failed.contains(call));
                json.put("channel", call.param("channel"));
                json.put("ts", call.param("ts"));
                return json;
            }).toList();
            send(exchange, FakeSlackApi.write(answer));
        });
        control.createContext("/messages", exchange ->
                send(exchange, FakeSlackApi.write(slack.messages(query(exchange).get("channel")))));
        control.createContext("/clear-calls", exchange -> {
            slack.clearCalls();
            send(exchange, "{}");
        });
        control.createContext("/outage", exchange -> {
            if ("1".equals(query(exchange).get("on"))) {
                slack.outage(FakeSlackApi.Failure.serverError());
            } else {
                slack.endOutage();
            }
            send(exchange, "{}");
        });
        control.createContext("/reset", exchange -> {
            slack.reset();
            send(exchange, "{}");
        });
        control.start();
        System.out.println("FAKE_SLACK api=" + slack.apiUrl() + " control=http://127.0.0.1:"
                + control.getAddress().getPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
