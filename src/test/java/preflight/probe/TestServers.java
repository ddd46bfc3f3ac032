package preflight.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/** Local HTTP(S) servers on 127.0.0.1 that count the requests they receive; close() stops them all. */
final class TestServers implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();

    static final class Server {
        final HttpServer server;
        final AtomicInteger requests = new AtomicInteger();

        Server(HttpServer server) {
            this.server = server;
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url(String scheme, String host, String path) {
            return scheme + "://" + host + ":" + port() + path;
        }

        Server handle(String path, HttpHandler handler) {
            server.createContext(path, exchange -> {
                requests.incrementAndGet();
                try {
                    handler.handle(exchange);
                } finally {
                    exchange.close();
                }
            });
            return this;
        }
    }

    Server http() throws IOException {
        return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
    }

    /** On a given local address (Linux answers all of 127.0.0.0/8) and port, 0 for any free one. */
    Server http(String address, int port) throws IOException {
        return start(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 50));
    }

    Server https(SSLContext context, String... protocols) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                if (protocols.length > 0) {
                    ssl.setProtocols(protocols);
                }
                parameters.setSSLParameters(ssl);
            }
        });
        return start(server);
    }

    /** A port that accepts connections (into the backlog) but never speaks. */
    ServerSocket silentPort() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        return socket;
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Server start(HttpServer server) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        executors.add(executor);
        return new Server(server);
    }

    static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::add);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, body, Map.of());
    }

    @Override
    public void close() throws IOException {
        servers.forEach(server -> server.stop(0));
        executors.forEach(ExecutorService::shutdownNow);
        for (ServerSocket socket : sockets) {
            socket.close();
        }
    }
}
