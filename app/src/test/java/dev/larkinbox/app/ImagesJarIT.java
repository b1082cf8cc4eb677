package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.outbound.lark.image.ImageHost;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with a stand-in image host, configured by environment as an operator would: a feedback's image
 * is still on its page and in the API after its URL dies; hostile image URLs fetch nothing.
 */
class ImagesJarIT {

    @Test
    void aFeedbacksImageOutlivesItsHostAndHostileUrlsFetchNothing(@TempDir Path dir) throws Exception {
        String id = WorkTheInboxTest.uid();
        try (ImageHost host = ImageHost.start();
             ServiceProcess service = ServiceProcess.fromJar(PackagedJarIT.JAR, dir, Map.of(
                     "LARK_ENCRYPT_KEY", WorkTheInboxTest.ENCRYPT_KEY,
                     "LARK_VERIFICATION_TOKEN", WorkTheInboxTest.TOKEN, "INBOX_API_TOKEN", InboxApi.TOKEN,
                     "INBOX_IMAGES_ALLOWED_HOSTS", "https://*.byteimg.com," + host.origin(),
                     "INBOX_IMAGES_POLL_INTERVAL", "100ms"))) {
            JsonObject event = JsonParser.parseString(ChatCardsEndToEndTest.crashEvent(id)).getAsJsonObject();
            JsonArray images = new JsonArray();
            List.of(host.url("/shot.png").toString(), host.url("/drawing.svg").toString(),
                    "http://169.254.169.254/latest/meta-data/").forEach(images::add);
            event.getAsJsonObject("event").add("images", images);
            assertEquals(200, ChatCardsEndToEndTest.webhook(service.uri(), event.toString()).statusCode());
            InboxApi api = new InboxApi(service.uri());

            LarkStandIn.await("each image kept or lost", Duration.ofSeconds(60), () -> !states(api, id)
                    .contains("pending"));
            assertEquals(List.of("kept", "lost", "lost"), states(api, id));
            assertEquals(List.of("/shot.png", "/drawing.svg"), host.asked());
            host.close();

            HttpResponse<byte[]> image = Http.CLIENT.send(HttpRequest.newBuilder(service.uri().resolve(
                    "/api/feedback/" + id + "/images/0")).header("Authorization", "Bearer " + InboxApi.TOKEN)
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode());
            assertArrayEquals(ImageHost.PNG, image.body());
            String session = WebInboxBrowserTest.signInOverHttp(service.uri());
            String page = Http.send(HttpRequest.newBuilder(service.uri().resolve("/feedback/" + id))
                    .header("Cookie", session).build()).body();
            assertTrue(page.contains("<img src=\"/feedback/" + id + "/images/0\""), page);
            assertTrue(page.contains("lost: host not allowed: http://169.254.169.254"), page);
        }
    }

    private static List<String> states(InboxApi api, String id) {
        List<String> states = new ArrayList<>();
        api.json("/api/feedback/" + id).getAsJsonArray("image_copies")
                .forEach(c -> states.add(c.getAsJsonObject().get("state").getAsString()));
        return states;
    }
}
