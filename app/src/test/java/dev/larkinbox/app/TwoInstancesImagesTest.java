package dev.larkinbox.app;

import static dev.larkinbox.app.WorkTheInboxTest.APP;
import static dev.larkinbox.app.WorkTheInboxTest.SECRET;
import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.outbound.lark.image.ImageHost;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances of the service on one database share the image queue: every image is fetched once, by one. */
class TwoInstancesImagesTest {
    private static final int FEEDBACK = 20;

    @Test
    void twoInstancesOnOneDatabaseNeverFetchAnImageTwice(@TempDir Path one, @TempDir Path two) throws Exception {
        try (RestartablePostgres database = RestartablePostgres.start();
             LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10);
             ImageHost host = ImageHost.start();
             RunningInbox first = RunningInbox.start(config(one, lark, database, host));
             RunningInbox second = RunningInbox.start(config(two, lark, database, host))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < FEEDBACK; i++) {
                String id = uid();
                ids.add(id);
                JsonObject event = JsonParser.parseString(ChatCardsEndToEndTest.crashEvent(id)).getAsJsonObject();
                JsonArray images = new JsonArray();
                images.add(host.url("/shot.png?n=" + i).toString());
                event.getAsJsonObject("event").add("images", images);
                assertEquals(200, ChatCardsEndToEndTest.webhook((i % 2 == 0 ? first : second).uri(),
                        event.toString()).statusCode());
            }
            InboxApi api = new InboxApi(first.uri());

            LarkStandIn.await("every image kept", Duration.ofSeconds(60), () -> ids.stream().allMatch(id ->
                    "kept".equals(api.json("/api/feedback/" + id).getAsJsonArray("image_copies").get(0)
                            .getAsJsonObject().get("state").getAsString())));

            // a kept image is never claimed again: what was fetched by now is all that ever is
            assertEquals(FEEDBACK, host.asked().size(), "each image fetched once: " + host.asked());
            assertEquals(FEEDBACK, new HashSet<>(host.asked()).size());
        }
    }

    private static Map<String, Object> config(Path dataDir, LarkStandIn lark, RestartablePostgres database,
                                              ImageHost host) {
        Map<String, Object> config = ChatCardsEndToEndTest.config(dataDir, lark);
        config.remove("inbox.notify.chat-id");
        config.putAll(database.datasource());
        config.put("inbox.images.allowed-hosts", host.origin());
        config.put("inbox.images.poll-interval", "50ms");
        return config;
    }
}
