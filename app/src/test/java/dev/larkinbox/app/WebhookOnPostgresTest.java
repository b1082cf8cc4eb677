package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook as Lark drives it (encrypted, signed), into a real PostgreSQL, read back through the API: the
 * whole service, from outside.
 */
@ExtendWith(SharedInbox.OnRestartablePostgres.class)
class WebhookOnPostgresTest {
    private static final String ENCRYPT_KEY = WorkTheInboxTest.ENCRYPT_KEY;

    private static RestartablePostgres postgres;
    private static RunningInbox inbox;
    private static InboxApi api;

    @BeforeAll
    static void start() {
        postgres = SharedInbox.restartablePostgres();
        inbox = SharedInbox.onRestartablePostgres();
        api = new InboxApi(inbox.uri());
    }

    @Test
    void theSeedEventsAreStoredAndReadBackWithTheirTriage() {
        String feedbackId = uniqueId();
        String versionId = "oav_" + uniqueId();

        assertEquals(200, post(LarkFixtures.feedback(uniqueId(), feedbackId)).statusCode());
        assertEquals(200, post(LarkFixtures.revocation(uniqueId(), versionId)).statusCode());

        JsonObject item = api.json("/api/feedback/" + feedbackId);
        assertEquals("P1", item.get("priority").getAsString());
        assertEquals("stability", item.get("category").getAsString());
        assertEquals("new", item.get("status").getAsString());
        assertEquals("fault", item.get("feedback_type").getAsString());
        assertEquals("[\"black_screen\",\"white_screen\",\"cannot_open\"]", item.get("fault_types").toString());
        assertEquals("字节跳动", item.get("tenant_name").getAsString());
        assertEquals("反馈的详细信息", item.get("description").getAsString());
        assertEquals("wang@bytedance.com", item.get("contact").getAsString());
        assertEquals("mini_program", item.get("source").getAsString());
        assertEquals("e33ggbyz", item.getAsJsonObject("user").get("user_id").getAsString());
        assertEquals(3, item.getAsJsonArray("reasons").size());

        List<JsonObject> revocations = api.all("/api/revocations", "app_id=cli_9b445f5258795107&version_id=" + versionId);
        assertEquals(1, revocations.size());
        assertEquals("2020-12-23T12:19:49Z", revocations.get(0).get("revoked_at").getAsString());
        assertEquals("e33ggbyz", revocations.get(0).getAsJsonObject("operator").get("user_id").getAsString());
    }

    @Test
    void aRedeliveryAnd24ConcurrentDeliveriesOfOneEventStoreItOnce() {
        String app = "cli_" + uniqueId();
        String event = feedbackOfApp(app, uniqueId(), uniqueId());

        assertEquals(200, post(event).statusCode());
        assertEquals(200, post(event).statusCode());
        List<CompletableFuture<HttpResponse<String>>> racing = IntStream.range(0, 24)
                .mapToObj(i -> send(LarkWire.signed(event, ENCRYPT_KEY))).toList();

        racing.forEach(r -> assertEquals(200, r.join().statusCode()));
        assertEquals(1, api.all("/api/feedback", "app_id=" + app).size());
    }

    @Test
    void aRefusedEventStoresNothing() {
        String feedbackId = uniqueId();
        String event = LarkFixtures.feedback(uniqueId(), feedbackId);

        HttpResponse<String> forged = send(LarkWire.signed(event, "not-the-key")).join();
        HttpResponse<String> plain = send(LarkWire.plain(event)).join();

        assertEquals(401, forged.statusCode());
        assertEquals(401, plain.statusCode());
        assertEquals("application/problem+json", forged.headers().firstValue("content-type").orElse(""));
        assertEquals(404, api.get("/api/feedback/" + feedbackId).statusCode());
    }

    @Test
    void withTheDatabaseStoppedTheEventIsRefusedQuicklyAndSucceedsOnceItIsBack() {
        String feedbackId = uniqueId();
        String event = LarkFixtures.feedback(uniqueId(), feedbackId);
        postgres.stop();
        try {
            Instant asked = Instant.now();
            HttpResponse<String> refused = post(event);
            Duration took = Duration.between(asked, Instant.now());

            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(took.toMillis() < 2_500, "answered in " + took + ", Lark waits about 3 s");
        } finally {
            postgres.startAgain();
        }

        // as Lark does: deliver again until it is taken; the pool replaces its dead connections meanwhile
        Instant deadline = Instant.now().plusSeconds(30);
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            status = post(event).statusCode();
        }
        assertEquals(200, status);
        assertEquals(feedbackId, api.json("/api/feedback/" + feedbackId).get("feedback_id").getAsString());
    }

    private static String feedbackOfApp(String appId, String eventId, String feedbackId) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback(eventId, feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", appId);
        return event.toString();
    }

    private static HttpResponse<String> post(String event) {
        return send(LarkWire.signed(event, ENCRYPT_KEY)).join();
    }

    private static CompletableFuture<HttpResponse<String>> send(LarkWire.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(inbox.uri().resolve("/webhook/event"))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return Http.CLIENT.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String uniqueId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
