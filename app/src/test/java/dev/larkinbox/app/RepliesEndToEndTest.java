package dev.larkinbox.app;

import static dev.larkinbox.app.ChatCardsEndToEndTest.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.BotMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Replies reach the reporter from the app's bot: the shared service on its embedded PostgreSQL, Lark's side the
 * stand-in open API, feedback sent to the webhook encrypted and signed as Lark sends it. Each test has reporters of
 * its own, so what the stand-in received from other tests is told apart. Replies across an outage and a restart,
 * and the resolution notices, are in {@link AcrossRestartTest}.
 */
@ExtendWith(SharedInbox.class)
class RepliesEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void aReporterLarkWillNotLetTheBotReachIsRecordedInWordsAndNotTriedAgain() {
        LarkStandIn lark = SharedInbox.lark();
        RunningInbox inbox = SharedInbox.inbox();
        String unreachable = "fb_" + UUID.randomUUID();
        String reachable = "fb_" + UUID.randomUUID();
        String outside = reporter();
        String reporter = reporter();
        lark.outsideAvailability(outside);
        assertEquals(200, webhook(inbox.uri(), feedback(unreachable, outside)).statusCode());
        assertEquals(200, webhook(inbox.uri(), feedback(reachable, reporter)).statusCode());
        assertEquals(202, reply(inbox.uri(), unreachable, "hello").statusCode());
        LarkStandIn.await("the refusal recorded", WAIT,
                () -> "not_delivered".equals(state(inbox.uri(), unreachable, 0)));
        // a later message is sent by a later run of the job, which must not try the refused one again
        assertEquals(202, reply(inbox.uri(), reachable, "hello too").statusCode());
        LarkStandIn.await("the other reply delivered", WAIT,
                () -> "delivered".equals(state(inbox.uri(), reachable, 0)));

        JsonObject refused = replies(inbox.uri(), unreachable).get(0).getAsJsonObject();
        assertTrue(refused.get("reason").getAsString().contains("outside the app's availability range"),
                refused.toString());
        // counted per reporter: other tests' chat cards go to the same stand-in at any time
        assertEquals(1, lark.attemptsTo(outside), "one attempt at the refused reporter");
        assertEquals(1, lark.attemptsTo(reporter), "one attempt at the reachable reporter");
        assertEquals(List.of(new BotMessage(reporter, sentTo(lark, reporter).get(0).uuid(), "hello too")),
                sentTo(lark, reporter));
        assertEquals(List.of(), sentTo(lark, outside));
    }

    @Test
    @ExtendWith(ChromiumAvailable.class)
    void aReplyWrittenOnTheFeedbackPageReachesTheReporterAndTheirOtherFeedbackIsLinked() {
        LarkStandIn lark = SharedInbox.lark();
        RunningInbox inbox = SharedInbox.inbox();
        String reporter = reporter();
        try (Browser browser = new Browser(inbox.uri().toString())) {
            String older = "fb_" + UUID.randomUUID();
            String newer = "fb_" + UUID.randomUUID();
            String someoneElses = "fb_" + UUID.randomUUID();
            assertEquals(200, webhook(inbox.uri(), feedback(older, reporter)).statusCode());
            assertEquals(200, webhook(inbox.uri(), feedback(someoneElses, reporter())).statusCode());
            assertEquals(200, webhook(inbox.uri(), feedback(newer, reporter)).statusCode());

            browser.signInWithToken("/", "bob");
            browser.open("/feedback/" + older);
            browser.awaitHeading("Feedback " + older);
            String reporterPart = browser.one(By.id("reporter")).getText();
            assertTrue(reporterPart.contains("Other feedback from this reporter"), reporterPart);
            assertTrue(reporterPart.contains(newer), reporterPart);
            assertFalse(reporterPart.contains(someoneElses), reporterPart);
            assertFalse(reporterPart.contains(reporter), "the open_id is never shown there");

            browser.type("Reply", "来自页面的回复");
            browser.press("Send reply");
            browser.awaitText(By.cssSelector("[role=status]"), "Reply recorded");
            LarkStandIn.await("the reply in Lark", WAIT, () -> sentTo(lark, reporter).size() == 1);
            assertEquals(List.of(new BotMessage(reporter, sentTo(lark, reporter).get(0).uuid(), "来自页面的回复")),
                    sentTo(lark, reporter));
            browser.awaitRowsReloading("Messages to the reporter", 1, WAIT);
            List<String> message = browser.rows("Messages to the reporter").get(0);
            assertEquals(List.of("bob", "reply", "来自页面的回复"), message.subList(1, 4));
            assertEquals("Reply to the reporter: 来自页面的回复", browser.rows("History").get(0).get(6));

            browser.follow(newer);
            browser.awaitHeading("Feedback " + newer);
            browser.assertNoConsoleErrors();
        }
    }

    /** A reporter of its own: the shared stand-in also holds other tests' messages. */
    static String reporter() {
        return "ou_" + UUID.randomUUID().toString().replace("-", "");
    }

    static List<BotMessage> sentTo(LarkStandIn lark, String openId) {
        return lark.botMessages().stream().filter(m -> m.openId().equals(openId)).toList();
    }

    /** A suggestion from this reporter: no P1 card, so the chat's cards stay those of the tests that count them. */
    static String feedback(String feedbackId, String openId) {
        JsonObject event = JsonParser.parseString(ChatCardsEndToEndTest.suggestionEvent(feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").getAsJsonObject("user_id").addProperty("open_id", openId);
        return event.toString();
    }

    static HttpResponse<String> reply(URI service, String feedbackId, String text) {
        JsonObject body = new JsonObject();
        body.addProperty("text", text);
        return send(api(service, "/api/feedback/" + feedbackId + "/replies")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    static void work(URI service, String feedbackId, String status) {
        HttpResponse<String> worked = send(api(service, "/api/feedback/" + feedbackId)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")));
        assertEquals(200, worked.statusCode(), worked.body());
    }

    /** The state of the feedback's {@code index}th message to its reporter; null while there is none. */
    static String state(URI service, String feedbackId, int index) {
        List<JsonElement> messages = StreamSupport.stream(replies(service, feedbackId).spliterator(), false).toList();
        return messages.size() <= index ? null : messages.get(index).getAsJsonObject().get("state").getAsString();
    }

    static JsonArray replies(URI service, String feedbackId) {
        return get(service, "/api/feedback/" + feedbackId + "/replies").getAsJsonArray("items");
    }

    static JsonObject get(URI service, String path) {
        HttpResponse<String> answer = send(api(service, path).GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body());
    }

    private static HttpRequest.Builder api(URI service, String path) {
        return HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + InboxApi.TOKEN).header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }
}
