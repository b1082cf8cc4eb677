package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.LarkEvents.FIXTURE_TOKEN;
import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body is limited by what it is once read: inflated from gzip or deflate, or streamed in chunks without a length.
 * Past 1 MiB it is refused (413) as soon as that much arrived, never gathered whole; JSON nested deeper than any
 * Lark event is refused (400). Nothing of either is stored.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GrowingBodyTest {
    /** Ten million bytes of event, about 10 KB compressed. */
    private static final int BOMB = 10_000_000;

    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("lark.verification-token", FIXTURE_TOKEN,
            "inbox.api-token", TestServer.API_TOKEN, "lark.webhook.read-timeout", "30s"));

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate"})
    void a_compression_bomb_is_refused_413_and_nothing_is_stored(String encoding) {
        String eventId = uniqueId("ev_");
        byte[] bomb = compressed(encoding, bigEvent(eventId, BOMB));
        assertTrue(bomb.length < WebhookController.MAX_BODY_BYTES, "small as sent: " + bomb.length);

        Reply reply = server.webhook(new LarkWire.Request(bomb, Map.of("Content-Type", "application/json",
                "Content-Encoding", encoding)));

        assertError(reply, 413, "body-too-large");
        assertTrue(server.store().entry(eventId).isEmpty(), "nothing stored");
    }

    @Test
    void a_compressed_event_within_the_limit_is_stored() {
        String eventId = uniqueId("ev_");

        Reply reply = server.webhook(new LarkWire.Request(compressed("gzip", bigEvent(eventId, 500_000)),
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip")));

        assertEquals(200, reply.status(), reply.body());
        assertTrue(server.store().entry(eventId).isPresent());
    }

    /**
     * A chunked body that stops after 1.5 MiB, never ending: refused at once, not after the read timeout, since
     * the webhook does not wait for the whole of a body that is already too large.
     */
    @Test
    void a_chunked_body_past_1_MiB_is_refused_413_before_it_ends_and_nothing_is_stored() throws IOException {
        String eventId = uniqueId("ev_");
        byte[] body = bigEvent(eventId, 3 * WebhookController.MAX_BODY_BYTES).getBytes(StandardCharsets.UTF_8);
        URI uri = server.uri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhook/event HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int chunk = 64 * 1024;
            for (int sent = 0; sent < WebhookController.MAX_BODY_BYTES * 3 / 2; sent += chunk) {
                out.write((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, sent, chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            long start = System.nanoTime();

            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "answered after " + took);
        }
        assertTrue(server.store().entry(eventId).isEmpty(), "nothing stored");
    }

    @Test
    void json_nested_deeper_than_any_lark_event_is_refused_400_and_nothing_is_stored() {
        String eventId = uniqueId("ev_");
        String event = LarkEvents.revocation(eventId, uniqueId("cli_"), uniqueId("oav_"));
        String nested = event.substring(0, event.lastIndexOf('}')) + ",\"deep\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";

        assertError(server.webhook(LarkWire.plain(nested)), 400, "malformed-event");
        assertTrue(server.store().entry(eventId).isEmpty(), "nothing stored");
    }

    /** A revocation whose event holds a field of blanks, making it {@code size} bytes long or more. */
    private static String bigEvent(String eventId, int size) {
        String event = LarkEvents.revocation(eventId, uniqueId("cli_"), uniqueId("oav_"));
        return event.substring(0, event.lastIndexOf('}')) + ",\"padding\":\"" + " ".repeat(size) + "\"}";
    }

    private static byte[] compressed(String encoding, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = encoding.equals("gzip") ? new GZIPOutputStream(bytes)
                : new DeflaterOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
