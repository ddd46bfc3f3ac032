package preflight.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local service for probes to check: {@code /health} answers with {@link #healthStatus} (200
 * at first), body "ok" and an HSTS header; {@code /plain} answers 200 without HSTS. A closed
 * {@link #hold() gate} keeps {@code /health} from answering until it is opened, so a run can be
 * kept in progress without any timing. It also writes the templates whose probes point at it.
 */
public final class ProbeTargets implements AutoCloseable {

    public final AtomicInteger healthStatus = new AtomicInteger(200);
    public final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile CountDownLatch gate;

    public ProbeTargets() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/health", exchange -> {
            var held = gate;
            if (held != null) {
                try {
                    held.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            respond(exchange, healthStatus.get(), "ok", true);
        });
        server.createContext("/plain", exchange -> respond(exchange, 200, "ok", false));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Until {@link #unblock()}, /health does not answer. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void unblock() {
        var held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    /**
     * A template with three probes against this service — health (passes while /health is
     * healthy), hsts (fails: /plain has no HSTS header) and port (tcp, passes) — each proving one
     * item, and one item no probe proves. health may wait a minute, so a held gate keeps its run
     * in progress however slow the machine.
     */
    public String writeTemplate(String name) {
        String base = "http://127.0.0.1:" + port();
        String template = """
                ---
                probes:
                  - id: health
                    http: %s/health
                    expect: {status: 200, headers: [Strict-Transport-Security], body_contains: ok}
                    ticks: ["Health check endpoint"]
                    timeout: 60s
                  - id: hsts
                    http: %s/plain
                    expect: {status: 200, headers: [Strict-Transport-Security]}
                    ticks: ["HSTS header"]
                  - id: port
                    tcp: 127.0.0.1:%d
                    ticks: ["Service port"]
                ---
                # Probe test checklist

                ## Verification
                - [ ] Health check endpoint returns 200
                - [ ] HSTS header sent by the public site
                - [ ] Service port accepts connections
                - [ ] Smoke test of the main user journeys
                """.formatted(base, base, port());
        try {
            Files.writeString(SharedChecklists.asTemplatesDir().resolve(name + ".md"), template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    private void respond(HttpExchange exchange, int status, String body, boolean hsts) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (hsts) {
                exchange.getResponseHeaders().add("Strict-Transport-Security", "max-age=31536000");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        unblock();
        server.stop(0);
        executor.shutdownNow();
    }
}
