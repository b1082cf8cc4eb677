package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.BotMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Replies and resolution notices reach the reporter from the app's bot: the whole service on its embedded
 * PostgreSQL, Lark's side the stand-in open API, feedback sent to the webhook encrypted and signed as Lark sends it.
 */
class RepliesEndToEndTest {
    private static final String APP = "cli_e2e_replies_app";
    private static final String SECRET = "e2e-replies-secret";
    private static final String ENCRYPT_KEY = "e2e-replies-encrypt-key";
    private static final String VERIFICATION_TOKEN = "rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV"; // the fixtures'
    private static final String API_TOKEN = "e2e-replies-api-token";
    private static final String REPORTER = "ou_84aad35d084aa403a838cf73ee18467"; // the fixture's reporter
    private static final String NOTICE = "The problem you reported has been resolved. Thank you for your feedback!";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void aReplyReachesTheReporterOnceAcrossAnOutageAndARestartAndEachResolutionTellsThemOnce(@TempDir Path dataDir) {
        try (LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10)) {
            String feedbackId = "fb_" + UUID.randomUUID();
            lark.down();
            try (RunningInbox before = RunningInbox.start(config(dataDir, lark))) {
                assertEquals(200, webhook(before.uri(), feedback(feedbackId, REPORTER)).statusCode());
                HttpResponse<String> accepted = reply(before.uri(), feedbackId, "谢谢，我们正在处理");
                assertEquals(202, accepted.statusCode(), accepted.body());
                assertEquals("pending", json(accepted.body()).get("state").getAsString());
                LarkStandIn.await("attempts against the down Lark", WAIT, () -> lark.calls("message") >= 2);
                assertEquals("pending", state(before.uri(), feedbackId, 0));
                HttpResponse<String> metrics = send(HttpRequest.newBuilder(before.uri().resolve("/prometheus"))
                        .header("Authorization", "Bearer " + API_TOKEN).GET());
                assertTrue(metrics.body().contains("inbox_outbox_pending{kind=\"reporter\"} 1.0"), metrics.body());
            }
            lark.up();

            try (RunningInbox after = RunningInbox.start(config(dataDir, lark))) {
                LarkStandIn.await("the reply delivered", WAIT,
                        () -> "delivered".equals(state(after.uri(), feedbackId, 0)));
                for (String status : List.of("acknowledged", "in_progress", "resolved")) {
                    work(after.uri(), feedbackId, status);
                }
                LarkStandIn.await("the resolution's notice delivered", WAIT,
                        () -> "delivered".equals(state(after.uri(), feedbackId, 1)));
                for (String status : List.of("acknowledged", "in_progress", "resolved")) {
                    work(after.uri(), feedbackId, status);
                }
                LarkStandIn.await("the second resolution's notice delivered", WAIT,
                        () -> "delivered".equals(state(after.uri(), feedbackId, 2)));
                JsonObject history = get(after.uri(), "/api/feedback/" + feedbackId + "/history");
                JsonObject replied = history.getAsJsonArray("items").get(0).getAsJsonObject();
                assertEquals("inbox", replied.get("actor").getAsString());
                assertEquals("Reply to the reporter: 谢谢，我们正在处理", replied.get("note").getAsString());
            }

            assertEquals(List.of(REPORTER, REPORTER, REPORTER), lark.botMessages().stream().map(BotMessage::openId)
                    .toList());
            assertEquals(List.of("谢谢，我们正在处理", NOTICE, NOTICE), lark.botMessages().stream().map(BotMessage::text)
                    .toList(), "the reply once, one notice per resolution");
        }
    }

    @Test
    void aReporterLarkWillNotLetTheBotReachIsRecordedInWordsAndNotTriedAgain(@TempDir Path dataDir) {
        try (LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10);
             RunningInbox inbox = RunningInbox.start(config(dataDir, lark))) {
            String unreachable = "fb_" + UUID.randomUUID();
            String reachable = "fb_" + UUID.randomUUID();
            lark.outsideAvailability("ou_e2e_outside");
            assertEquals(200, webhook(inbox.uri(), feedback(unreachable, "ou_e2e_outside")).statusCode());
            assertEquals(200, webhook(inbox.uri(), feedback(reachable, REPORTER)).statusCode());

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
            assertEquals(2, lark.calls("message"), "one attempt each");
            assertEquals(List.of("hello too"), lark.botMessages().stream().map(BotMessage::text).toList());
        }
    }

    @Test
    @ExtendWith(ChromiumAvailable.class)
    void aReplyWrittenOnTheFeedbackPageReachesTheReporterAndTheirOtherFeedbackIsLinked(@TempDir Path dataDir) {
        try (LarkStandIn lark = LarkStandIn.start(APP, SECRET, 10);
             RunningInbox inbox = RunningInbox.start(config(dataDir, lark));
             Browser browser = new Browser(inbox.uri().toString())) {
            String older = "fb_" + UUID.randomUUID();
            String newer = "fb_" + UUID.randomUUID();
            String someoneElses = "fb_" + UUID.randomUUID();
            assertEquals(200, webhook(inbox.uri(), feedback(older, REPORTER)).statusCode());
            assertEquals(200, webhook(inbox.uri(), feedback(someoneElses, "ou_e2e_someone_else")).statusCode());
            assertEquals(200, webhook(inbox.uri(), feedback(newer, REPORTER)).statusCode());

            browser.open("/");
            browser.type("API token", API_TOKEN);
            browser.type("Your name", "bob");
            browser.press("Sign in");
            browser.awaitHeading("Inbox");
            browser.open("/feedback/" + older);
            browser.awaitHeading("Feedback " + older);
            String reporterPart = browser.one(By.id("reporter")).getText();
            assertTrue(reporterPart.contains("Other feedback from this reporter"), reporterPart);
            assertTrue(reporterPart.contains(newer), reporterPart);
            assertFalse(reporterPart.contains(someoneElses), reporterPart);
            assertFalse(reporterPart.contains(REPORTER), "the open_id is never shown there");

            browser.type("Reply", "来自页面的回复");
            browser.press("Send reply");
            browser.awaitText(By.cssSelector("[role=status]"), "Reply recorded");
            LarkStandIn.await("the reply in Lark", WAIT, () -> lark.botMessages().size() == 1);
            assertEquals(new BotMessage(REPORTER, lark.botMessages().get(0).uuid(), "来自页面的回复"),
                    lark.botMessages().get(0));
            browser.awaitRowsReloading("Messages to the reporter", 1, WAIT);
            List<String> message = browser.rows("Messages to the reporter").get(0);
            assertEquals(List.of("bob", "reply", "来自页面的回复"), message.subList(1, 4));
            assertEquals("Reply to the reporter: 来自页面的回复", browser.rows("History").get(0).get(6));

            browser.follow(newer);
            browser.awaitHeading("Feedback " + newer);
            browser.assertNoConsoleErrors();
        }
    }

    private static Map<String, Object> config(Path dataDir, LarkStandIn lark) {
        Map<String, Object> config = new HashMap<>();
        config.put("micronaut.server.port", -1);
        config.put("inbox.data-dir", dataDir.toString());
        config.put("inbox.api-token", API_TOKEN);
        config.put("lark.encrypt-key", ENCRYPT_KEY);
        config.put("lark.verification-token", VERIFICATION_TOKEN);
        config.put("lark.app-id", APP);
        config.put("lark.app-secret", SECRET);
        config.put("lark.domain", lark.baseUrl());
        config.put("inbox.sync-to-lark", false);
        config.put("inbox.sync.poll-interval", "100ms");
        config.put("inbox.sync.backoff.first", "100ms");
        config.put("inbox.sync.backoff.max", "500ms");
        config.put("inbox.recovery.initial-delay", "1h");
        config.put("inbox.reporter.notify-on-resolve", true);
        config.put("inbox.reporter.language", "en");
        return config;
    }

    private static String feedback(String feedbackId, String openId) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                .getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", APP);
        event.getAsJsonObject("event").getAsJsonObject("user_id").addProperty("open_id", openId);
        return event.toString();
    }

    private static HttpResponse<String> webhook(URI service, String event) {
        LarkWire.Request request = LarkWire.signed(event, ENCRYPT_KEY);
        HttpRequest.Builder builder = HttpRequest.newBuilder(service.resolve("/webhook/event"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return send(builder);
    }

    private static HttpResponse<String> reply(URI service, String feedbackId, String text) {
        JsonObject body = new JsonObject();
        body.addProperty("text", text);
        return send(api(service, "/api/feedback/" + feedbackId + "/replies")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static void work(URI service, String feedbackId, String status) {
        HttpResponse<String> worked = send(api(service, "/api/feedback/" + feedbackId)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")));
        assertEquals(200, worked.statusCode(), worked.body());
    }

    /** The state of the feedback's {@code index}th message to its reporter; null while there is none. */
    private static String state(URI service, String feedbackId, int index) {
        List<JsonElement> messages = StreamSupport.stream(replies(service, feedbackId).spliterator(), false).toList();
        return messages.size() <= index ? null : messages.get(index).getAsJsonObject().get("state").getAsString();
    }

    private static JsonArray replies(URI service, String feedbackId) {
        return get(service, "/api/feedback/" + feedbackId + "/replies").getAsJsonArray("items");
    }

    private static JsonObject get(URI service, String path) {
        HttpResponse<String> answer = send(api(service, path).GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body());
    }

    private static HttpRequest.Builder api(URI service, String path) {
        return HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "application/json");
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
