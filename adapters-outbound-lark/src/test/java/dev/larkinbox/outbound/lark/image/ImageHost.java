package dev.larkinbox.outbound.lark.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in image host on loopback: a PNG, an SVG, an HTML page, a 50 MB body, a redirect to another host, and
 * 503 while it is "down". It records the paths (and queries) asked for and how much of the big body got out.
 */
public final class ImageHost implements AutoCloseable {
    /** A real 1x1 PNG. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    public static final long BIG = 50L * 1024 * 1024;

    private final HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final AtomicLong bigWritten = new AtomicLong();
    private volatile boolean down;
    private volatile String redirectTo = "http://127.0.0.2:9/elsewhere.png";

    private ImageHost(HttpServer server) {
        this.server = server;
    }

    public static ImageHost start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ImageHost host = new ImageHost(server);
        server.createContext("/", host::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return host;
    }

    /** Such as {@code http://127.0.0.1:41234}: listed as is, this origin may be on loopback. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI url(String path) {
        return URI.create(origin() + path);
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }

    public long bigWritten() {
        return bigWritten.get();
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void redirectTo(String location) {
        this.redirectTo = location;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        asked.add(query == null ? path : path + "?" + query);
        try (exchange) {
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            switch (path) {
                case "/shot.png", "/second.png" -> send(exchange, "image/png", PNG);
                case "/drawing.svg" -> send(exchange, "image/png",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                                .getBytes(StandardCharsets.UTF_8));
                case "/page.html" -> send(exchange, "image/png",
                        "<!DOCTYPE html><html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8));
                case "/big.png" -> big(exchange);
                case "/moved.png" -> {
                    exchange.getResponseHeaders().set("Location", redirectTo);
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** 50 MB of a PNG's start and zeros, chunked (no length told), until the client stops reading. */
    private void big(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = new byte[64 * 1024];
        System.arraycopy(PNG, 0, chunk, 0, PNG.length);
        try {
            for (long sent = 0; sent < BIG; sent += chunk.length) {
                out.write(chunk);
                bigWritten.addAndGet(chunk.length);
            }
        } catch (IOException clientGone) {
            // what the test looks for: the client stopped reading
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
