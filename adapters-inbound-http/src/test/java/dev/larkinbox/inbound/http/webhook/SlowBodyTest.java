package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A body trickled in byte by byte, as a slow-read attack sends it, cannot hold a thread of the server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowBodyTest {
    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("lark.verification-token", LarkEvents.FIXTURE_TOKEN,
            "inbox.api-token", TestServer.API_TOKEN, "lark.webhook.read-timeout", "1s"));

    @Test
    void a_body_that_takes_longer_than_the_read_timeout_is_refused_408_and_nothing_is_stored() throws Exception {
        String eventId = uniqueId("ev_");
        byte[] body = LarkWire.plain(LarkEvents.revocation(eventId, uniqueId("cli_"), uniqueId("oav_"))).body();
        URI uri = server.uri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhook/event HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            // a byte every 100 ms: the whole body would take over a minute
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger sent = new AtomicInteger();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(body[sent.getAndIncrement()]);
                    out.flush();
                } catch (IOException | ArrayIndexOutOfBoundsException e) {
                    // the server closed the connection, as it should
                    throw new IllegalStateException(e);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            try {
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertEquals("HTTP/1.1 408 Request Timeout", statusLine);
                assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "answered after " + took);
            } finally {
                trickle.shutdownNow();
            }
        }
        assertTrue(server.store().entry(eventId).isEmpty(), "nothing stored");
    }
}
