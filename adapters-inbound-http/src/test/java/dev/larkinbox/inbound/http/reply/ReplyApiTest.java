package dev.larkinbox.inbound.http.reply;

import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static dev.larkinbox.inbound.http.support.TestServer.API_TOKEN;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replying to a feedback's reporter through the API: 202 with the reply's state, and its refusals. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplyApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.secured();

    @Test
    void a_reply_is_accepted_pending_and_kept_in_the_history_by_its_author_whatever_x_inbox_actor_says() {
        String id = deliver(true);

        Reply accepted = reply(id, "{\"text\":\"Thanks, we are looking into it\"}", "alice");

        assertEquals(202, accepted.status(), accepted.body());
        JsonObject reply = accepted.json();
        assertEquals("pending", reply.get("state").getAsString());
        assertEquals("reply", reply.get("kind").getAsString());
        assertEquals(id, reply.get("feedback_id").getAsString());
        assertEquals("api-token", reply.get("author").getAsString(), "the caller, not the header");
        assertEquals("inbox", reply.get("author_name").getAsString(), "the API token's holder by name");
        assertTrue(reply.get("reply_id").getAsLong() > 0);
        assertTrue(reply.get("reason").isJsonNull());
        JsonObject entry = server.get("/api/feedback/" + id + "/history").items().get(0);
        assertEquals("api-token", entry.get("actor").getAsString());
        assertEquals("Reply to the reporter: Thanks, we are looking into it", entry.get("note").getAsString());
        List<String> listed = server.get("/api/feedback/" + id + "/replies").items().stream()
                .map(e -> e.get("text").getAsString()).toList();
        assertEquals(List.of("Thanks, we are looking into it"), listed);
    }

    @Test
    void an_empty_or_too_long_text_is_400_and_records_nothing() {
        String id = deliver(true);

        assertError(reply(id, "{\"text\":\"  \"}", null), 400, "invalid-change");
        assertError(reply(id, "{}", null), 400, "invalid-change");
        assertError(reply(id, "{\"text\":\"" + "x".repeat(2000) + "\"}", null), 400, "invalid-change");
        assertEquals(List.of(), server.get("/api/feedback/" + id + "/history").items());
    }

    @Test
    void an_unknown_feedback_is_404_and_one_without_its_reporter_is_422() {
        assertError(reply("fb_nobody", "{\"text\":\"hello\"}", null), 404, "not-found");
        assertError(server.get("/api/feedback/fb_nobody/replies"), 404, "not-found");

        String anonymous = deliver(false);
        assertError(reply(anonymous, "{\"text\":\"hello\"}", null), 422, "no-reporter");
    }

    @Test
    void without_the_api_token_nothing_is_written() {
        String id = deliver(true);

        Reply refused = server.send(server.builder("/api/feedback/" + id + "/replies",
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer not-" + API_TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}")).build());

        assertEquals(401, refused.status());
        assertEquals(List.of(), server.get("/api/feedback/" + id + "/history").items());
    }

    private static Reply reply(String feedbackId, String json, String actor) {
        Map<String, String> headers = actor == null ? Map.of() : Map.of("X-Inbox-Actor", actor);
        HttpRequest.Builder request = server.builder("/api/feedback/" + feedbackId + "/replies",
                Map.of("Authorization", "Bearer " + API_TOKEN, "Content-Type", "application/json"));
        headers.forEach(request::header);
        return server.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** @param withReporter whether the event names its reporter's ids */
    private static String deliver(boolean withReporter) {
        String feedbackId = uniqueId("fb_");
        JsonObject event = JsonParser.parseString(LarkEvents.feedback(uniqueId("ev_"), feedbackId, uniqueId("cli_"),
                LarkEvents.FAULT, 5)).getAsJsonObject();
        if (!withReporter) {
            event.getAsJsonObject("event").remove("user_id");
        }
        Reply delivered = server.webhook(LarkWire.signed(event.toString(), ENCRYPT_KEY));
        assertEquals(200, delivered.status(), delivered.body());
        return feedbackId;
    }
}
