package dev.larkinbox.app;

import static dev.larkinbox.app.WorkTheInboxTest.APP;
import static dev.larkinbox.app.WorkTheInboxTest.ENCRYPT_KEY;
import static dev.larkinbox.app.WorkTheInboxTest.uid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.PostedCard;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chat cards worked from outside: the whole service on its embedded PostgreSQL, Lark's side the stand-in open
 * API, events and clicks sent to the webhook encrypted and signed as Lark sends them: the "done when".
 */
@ExtendWith(SharedInbox.class)
class ChatCardsEndToEndTest {
    static final String CHAT = "oc_e2e_team_chat";
    private static final String STRANGER = "ou_e2e_stranger";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aP1IsACardAClickWhereNobodyIsLetInChangesNothingAnInboxChangeUpdatesItAndAP4PostsNothing() {
        LarkStandIn lark = SharedInbox.lark();
        RunningInbox inbox = SharedInbox.inbox();
        InboxApi api = new InboxApi(inbox.uri());
        String crash = uid();
        String idea = uid();
        assertEquals(200, webhook(inbox.uri(), crashEvent(crash)).statusCode());
        assertEquals(200, webhook(inbox.uri(), suggestionEvent(idea)).statusCode());

        LarkStandIn.await("the P1's card in the chat", WAIT, () -> cardsAbout(lark, crash).size() == 1);
        PostedCard card = cardsAbout(lark, crash).get(0);
        assertEquals(CHAT, card.chatId());
        assertTrue(card.card().toString().contains("P1 stability"), card.card().toString());
        assertTrue(card.card().toString().contains("https://inbox.example.com/feedback/" + crash));

        // this service names nobody in inbox.access.*: a click fails closed (LarkSignInBrowserTest's clicks work)
        HttpResponse<String> click = webhook(inbox.uri(),
                LarkFixtures.cardAction(uid(), crash, "acknowledge", STRANGER));
        assertEquals(200, click.statusCode(), click.body());
        JsonObject answer = JsonParser.parseString(click.body()).getAsJsonObject();
        assertEquals("error", answer.getAsJsonObject("toast").get("type").getAsString(), answer.toString());
        assertEquals("new", api.json("/api/feedback/" + crash).get("status").getAsString(), "nothing changed");
        assertEquals(0, api.json("/api/feedback/" + crash + "/history").getAsJsonArray("items").size());

        HttpResponse<String> moved = api.patch("/api/feedback/" + crash, "{\"status\":\"in_progress\"}", Map.of());
        assertEquals(200, moved.statusCode(), moved.body());
        LarkStandIn.await("the card updated to in_progress", WAIT,
                () -> lark.cardOf(card.messageId()).toString().contains("Status\\nin_progress"));

        assertEquals(1, cardsAbout(lark, crash).size(), "the P1 posted once");
        assertEquals(List.of(), cardsAbout(lark, idea), "the P4 suggestion posted nothing");
    }

    /** The cards posted about this feedback: the service may share the chat with other tests. */
    private static List<PostedCard> cardsAbout(LarkStandIn lark, String feedbackId) {
        return lark.postedCards().stream().filter(c -> c.card().toString().contains(feedbackId)).toList();
    }

    static Map<String, Object> config(Path dataDir, LarkStandIn lark) {
        Map<String, Object> config = WorkTheInboxTest.config(dataDir, lark);
        config.put("inbox.notify.chat-id", CHAT);
        config.put("inbox.public-url", "https://inbox.example.com");
        return config;
    }

    static String crashEvent(String feedbackId) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                .getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", APP);
        return event.toString();
    }

    static String suggestionEvent(String feedbackId) {
        JsonObject event = JsonParser.parseString(crashEvent(feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").addProperty("feedback_type", 2);
        event.getAsJsonObject("event").remove("fault_type");
        return event.toString();
    }

    static HttpResponse<String> webhook(URI service, String event) {
        LarkWire.Request request = LarkWire.signed(event, ENCRYPT_KEY);
        HttpRequest.Builder builder = HttpRequest.newBuilder(service.resolve("/webhook/event"))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return Http.send(builder.build());
    }
}
