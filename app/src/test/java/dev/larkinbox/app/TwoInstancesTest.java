package dev.larkinbox.app;

import static dev.larkinbox.app.ChatCardsEndToEndTest.crashEvent;
import static dev.larkinbox.app.ChatCardsEndToEndTest.webhook;
import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.outbound.lark.image.ImageHost;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service on one database share their queues: every card is sent once and every image fetched
 * once, each by one of them. The first is the shared service; the second runs beside it on its database, started
 * once for the class. Each test's reports are of an app of its own, so that they make a problem of their own.
 */
@ExtendWith(SharedInbox.class)
class TwoInstancesTest {
    private static final int CARDS = 20;
    private static final int IMAGES = 20;

    @TempDir
    static Path two;
    private static RunningInbox second;

    @BeforeAll
    static void startTheSecond() {
        second = RunningInbox.start(config(two, SharedInbox.lark(), SharedInbox.images(), SharedInbox.inbox()));
    }

    @AfterAll
    static void stopTheSecond() {
        second.close();
    }

    @Test
    void twoInstancesOnOneDatabaseNeverPostACardTwice() {
        LarkStandIn lark = SharedInbox.lark();
        RunningInbox first = SharedInbox.inbox();
        int postedBefore = lark.postedCards().size();
        int messagesBefore = lark.calls("message");
        String app = "cli_two_" + uid();
        {
            List<String> crashes = new ArrayList<>();
            for (int i = 0; i < CARDS; i++) {
                String crash = uid();
                crashes.add(crash);
                assertEquals(200, webhook((i % 2 == 0 ? first : second).uri(), crashOf(app, crash)).statusCode());
            }

            // twenty reports of one crash at once are a spike of its problem: one card more, also sent once
            LarkStandIn.await("every card in the chat", Duration.ofSeconds(60),
                    () -> lark.postedCards().size() - postedBefore == CARDS + 1);
            // both workers poll every 100 ms: a card claimed twice would show as a second request within a second
            Awaitility.await("each card sent once, by one instance").during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2)).until(() -> lark.calls("message") - messagesBefore == CARDS + 1);
            List<String> cards = lark.postedCards().subList(postedBefore, lark.postedCards().size()).stream()
                    .map(PostedCard::card).map(Object::toString).toList();
            Predicate<String> spike = json -> json.contains(" spike: ");
            assertEquals(1, cards.stream().filter(spike).count());
            Set<String> posted = cards.stream().filter(spike.negate())
                    .map(json -> crashes.stream().filter(json::contains).findFirst().orElseThrow())
                    .collect(Collectors.toSet());
            assertEquals(Set.copyOf(crashes), posted);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseNeverFetchAnImageTwice() {
        RunningInbox first = SharedInbox.inbox();
        ImageHost host = SharedInbox.images();
        String app = "cli_two_" + uid();
        String run = uid();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            String id = uid();
            ids.add(id);
            // suggestions: no card in the chat, so the cards' test counts only its own
            JsonObject event = JsonParser.parseString(ChatCardsEndToEndTest.suggestionEvent(id)).getAsJsonObject();
            event.getAsJsonObject("event").addProperty("app_id", app);
            JsonArray images = new JsonArray();
            images.add(host.url("/shot.png?run=" + run + "&n=" + i).toString());
            event.getAsJsonObject("event").add("images", images);
            assertEquals(200, webhook((i % 2 == 0 ? first : second).uri(), event.toString()).statusCode());
        }
        InboxApi api = new InboxApi(first.uri());

        LarkStandIn.await("every image kept", Duration.ofSeconds(60), () -> ids.stream().allMatch(id ->
                "kept".equals(api.json("/api/feedback/" + id).getAsJsonArray("image_copies").get(0)
                        .getAsJsonObject().get("state").getAsString())));

        // a kept image is never claimed again: what was fetched by now is all that ever is
        List<String> asked = host.asked().stream().filter(path -> path.contains("run=" + run)).toList();
        assertEquals(IMAGES, asked.size(), "each image fetched once: " + asked);
        assertEquals(IMAGES, new HashSet<>(asked).size());
    }

    private static String crashOf(String app, String feedbackId) {
        JsonObject event = JsonParser.parseString(crashEvent(feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", app);
        return event.toString();
    }

    /** The shared service's configuration, on the shared service's database. */
    private static Map<String, Object> config(Path dataDir, LarkStandIn lark, ImageHost images, RunningInbox beside) {
        Map<String, Object> config = SharedInbox.config(dataDir, lark, images);
        for (String property : List.of("url", "username", "password")) {
            config.put("datasources.default." + property, beside.context()
                    .getProperty("datasources.default." + property, String.class).orElseThrow());
        }
        return config;
    }
}
