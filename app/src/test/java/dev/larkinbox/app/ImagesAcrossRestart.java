package dev.larkinbox.app;

import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.outbound.lark.image.ImageHost;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Images kept, worked from outside, as a part of {@link AcrossRestartTest}: a feedback sent to the webhook as Lark
 * sends it, its images on a stand-in image host on loopback (listed in {@code inbox.images.allowed-hosts}). Before the
 * restart the host is down and the copies wait; after it, each allowed image is fetched once, hostile ones fetch
 * nothing, and a kept one is served back once its host is gone.
 */
final class ImagesAcrossRestart implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SVG = "not a PNG, JPEG, GIF or WebP image: an SVG image";
    private static final String HTML = "not a PNG, JPEG, GIF or WebP image: an HTML page";

    private final ImageHost host;
    private final ImageHost elsewhere;
    private final String elsewhereOrigin;
    private final String feedbackId = uid();
    private final List<String> images;
    private int askedWhileDown;

    ImagesAcrossRestart() throws IOException {
        host = ImageHost.start();
        elsewhere = ImageHost.start();
        elsewhereOrigin = "http://localhost:" + elsewhere.url("/").getPort();
        host.redirectTo(elsewhereOrigin + "/shot.png");
        images = List.of(host.url("/shot.png").toString(), host.url("/drawing.svg").toString(),
                host.url("/page.html").toString(), host.url("/big.png").toString(),
                host.url("/moved.png").toString(), "http://not-allowed.example/x.png",
                "http://169.254.169.254/latest/meta-data/");
    }

    /** The settings this part needs of the service. */
    void configure(Map<String, Object> config) {
        config.put("inbox.images.allowed-hosts", host.origin());
        config.put("inbox.images.poll-interval", "100ms");
    }

    /** With the host down: Lark's URLs kept as they were, the copies pending. */
    void before(RunningInbox before) {
        host.down(true);
        // a suggestion: no card in the chat, so the restart test's count of cards stays its own
        assertEquals(200, ChatCardsEndToEndTest.webhook(before.uri(), event(feedbackId, images)).statusCode());
        LarkStandIn.await("tries against the host while it is down", WAIT,
                () -> Collections.frequency(host.asked(), "/shot.png") >= 2);
        JsonObject item = new InboxApi(before.uri()).json("/api/feedback/" + feedbackId);
        assertEquals(images.size(), item.getAsJsonArray("images").size(), "Lark's URLs kept as they were");
        assertEquals("pending", item.getAsJsonArray("image_copies").get(0).getAsJsonObject().get("state")
                .getAsString());
    }

    /** Called between the two starts: the host comes back while the service is stopped. */
    void hostBack() {
        host.down(false);
        askedWhileDown = host.asked().size();
    }

    void after(RunningInbox after) throws Exception {
        InboxApi api = new InboxApi(after.uri());
        LarkStandIn.await("every image kept or lost", WAIT, () -> states(api, feedbackId).stream()
                .noneMatch("pending"::equals));
        JsonArray copies = api.json("/api/feedback/" + feedbackId).getAsJsonArray("image_copies");
        JsonObject kept = copies.get(0).getAsJsonObject();
        assertEquals("kept", kept.get("state").getAsString());
        assertEquals("image/png", kept.get("content_type").getAsString());
        assertEquals(ImageHost.PNG.length, kept.get("bytes").getAsLong());
        assertEquals("/api/feedback/" + feedbackId + "/images/0", kept.get("href").getAsString());
        assertTrue(kept.get("reason").isJsonNull());
        assertEquals(List.of(SVG, HTML, "image larger than 10485760 bytes",
                "redirect to " + elsewhereOrigin + " not followed",
                "host not allowed: http://not-allowed.example", "host not allowed: http://169.254.169.254"),
                reasons(copies).subList(1, images.size()));
        for (int n = 1; n < images.size(); n++) {
            JsonObject lost = copies.get(n).getAsJsonObject();
            assertEquals("lost", lost.get("state").getAsString());
            assertTrue(lost.get("href").isJsonNull());
        }
        // each allowed image fetched once since the host came back, nothing else anywhere
        assertEquals(List.of("/shot.png", "/drawing.svg", "/page.html", "/big.png", "/moved.png"),
                host.asked().subList(askedWhileDown, host.asked().size()));
        assertEquals(List.of(), elsewhere.asked());
        assertTrue(host.bigWritten() < 2L * 10485760, "the 50 MB body was cut off: " + host.bigWritten());
        String metrics = api.get("/prometheus").body();
        assertTrue(metrics.contains("inbox_images{state=\"kept\"} 1.0"), metrics);
        // the other parts' feedback carry Lark's own image URLs, not allowed here: lost too
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("inbox_images{state=\"lost\"} ")
                && Double.parseDouble(l.split(" ")[1]) >= 6), metrics);
        assertTrue(metrics.contains("inbox_images{state=\"pending\"} 0.0"), metrics);

        host.close();
        HttpResponse<byte[]> image = bytes(HttpRequest.newBuilder(after.uri().resolve(
                "/api/feedback/" + feedbackId + "/images/0")).header("Authorization", "Bearer "
                + InboxApi.TOKEN));
        assertEquals(200, image.statusCode());
        assertArrayEquals(ImageHost.PNG, image.body(), "byte for byte, its host gone");
        assertDefended(image);
        assertEquals(401, bytes(HttpRequest.newBuilder(after.uri().resolve(
                "/api/feedback/" + feedbackId + "/images/0"))).statusCode());
        assertEquals(404, api.get("/api/feedback/" + feedbackId + "/images/1").statusCode(),
                "a lost image has no bytes");

        String session = WebInboxBrowserTest.signInOverHttp(after.uri());
        HttpResponse<byte[]> shown = bytes(HttpRequest.newBuilder(after.uri().resolve(
                "/feedback/" + feedbackId + "/images/0")).header("Cookie", session));
        assertEquals(200, shown.statusCode());
        assertArrayEquals(ImageHost.PNG, shown.body());
        assertDefended(shown);
        assertNotEquals(200, bytes(HttpRequest.newBuilder(after.uri().resolve(
                "/feedback/" + feedbackId + "/images/0"))).statusCode(), "signed-in people only");
        String page = Http.send(HttpRequest.newBuilder(after.uri().resolve("/feedback/" + feedbackId))
                .header("Cookie", session).build()).body();
        assertTrue(page.contains("<img src=\"/feedback/" + feedbackId + "/images/0\""), page);
        assertTrue(page.contains("lost: " + SVG), page);
        assertTrue(page.contains("lost: host not allowed: http://169.254.169.254"), page);
    }

    @Override
    public void close() {
        host.close();
        elsewhere.close();
    }

    private static void assertDefended(HttpResponse<byte[]> image) {
        assertEquals(List.of("image/png"), image.headers().allValues("content-type"));
        assertEquals(List.of("nosniff"), image.headers().allValues("x-content-type-options"));
        assertEquals(List.of("default-src 'none'; sandbox"), image.headers().allValues("content-security-policy"));
        assertEquals(List.of("private"), image.headers().allValues("cache-control"));
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) throws Exception {
        return Http.CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> states(InboxApi api, String feedbackId) {
        List<String> states = new ArrayList<>();
        api.json("/api/feedback/" + feedbackId).getAsJsonArray("image_copies")
                .forEach(c -> states.add(c.getAsJsonObject().get("state").getAsString()));
        return states;
    }

    private static List<String> reasons(JsonArray copies) {
        List<String> reasons = new ArrayList<>();
        copies.forEach(c -> reasons.add(c.getAsJsonObject().get("reason").isJsonNull() ? null
                : c.getAsJsonObject().get("reason").getAsString()));
        return reasons;
    }

    private static String event(String feedbackId, List<String> images) {
        JsonObject event = JsonParser.parseString(ChatCardsEndToEndTest.suggestionEvent(feedbackId)).getAsJsonObject();
        JsonArray urls = new JsonArray();
        images.forEach(urls::add);
        event.getAsJsonObject("event").add("images", urls);
        return event.toString();
    }
}
