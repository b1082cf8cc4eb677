package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.gateway.Await;
import dev.larkinbox.inbound.ws.gateway.ClientPolicy;
import dev.larkinbox.inbound.ws.gateway.LarkGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service in {@code both} mode, its long connection talking to a stand-in Lark gateway that speaks the real
 * protocol, storing into a real PostgreSQL, read back through the API.
 */
@Timeout(300)
class LongConnectionOnPostgresTest {
    private static final String APP_ID = "cli_inbox_e2e";
    private static final String APP_SECRET = "e2e-app-secret";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RestartablePostgres postgres;
    private static LarkGateway gateway;
    private static RunningInbox inbox;
    private static InboxApi api;

    @BeforeAll
    static void start() {
        postgres = RestartablePostgres.start();
        gateway = LarkGateway.start(APP_ID, APP_SECRET);
        gateway.policy(ClientPolicy.FAST);
        inbox = RunningInbox.start(config("both"));
        api = new InboxApi(inbox.uri());
        assertTrue(Await.until(WAIT, () -> gateway.openConnections() == 1), gateway::summary);
    }

    private static Map<String, Object> config(String mode) {
        Map<String, Object> config = new HashMap<>(postgres.datasource());
        config.putAll(Map.of("micronaut.server.port", -1, "lark.mode", mode, "lark.app-id", APP_ID,
                "lark.app-secret", APP_SECRET, "lark.domain", gateway.domain().toString(),
                "inbox.api-token", InboxApi.TOKEN, "lark.webhook.allow-unverified", true));
        return config;
    }

    @AfterAll
    static void stop() {
        inbox.close();
        gateway.close();
        postgres.close();
    }

    @Test
    void bothEventTypesArriveOverTheLongConnectionAndAreStored() {
        String feedbackId = uniqueId();
        String versionId = "oav_" + uniqueId();

        gateway.publish(LarkFixtures.feedback(uniqueId(), feedbackId));
        gateway.publish(LarkFixtures.revocation(uniqueId(), versionId), 3);

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        JsonObject item = api.json("/api/feedback/" + feedbackId);
        assertEquals("P1", item.get("priority").getAsString());
        assertEquals("反馈的详细信息", item.get("description").getAsString());
        assertEquals(1, api.all("/api/revocations", "version_id=" + versionId).size());
    }

    @Test
    void theHealthShowsTheConnection() {
        HttpResponse<String> health = new InboxApi(inbox.uri()).get("/health");

        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"long_connection\""), health.body());
        assertTrue(health.body().contains("\"state\":\"connected\""), health.body());
        assertTrue(!health.body().contains(APP_SECRET), "no secret in the health");
    }

    @Test
    void theMetricsShowTheConnectionStateAndTheEventsItBrought() {
        String feedbackId = uniqueId();
        gateway.publish(LarkFixtures.feedback(uniqueId(), feedbackId));
        assertTrue(gateway.awaitDelivered(Duration.ofSeconds(30)), gateway::summary);

        String metrics = new InboxApi(inbox.uri()).get("/prometheus").body();

        assertTrue(metrics.contains("lark_long_connection_state{state=\"connected\"} 1.0"), metrics);
        assertTrue(metrics.contains("lark_long_connection_reconnects_total"), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("lark_events_total{") && l.contains("outcome=\"stored\"")
                && l.contains("transport=\"ws\"")), metrics);
    }

    @Test
    void fragmentsDropsAndCloseFramesMidStreamLoseAndDoubleNothing() {
        String app = "cli_" + uniqueId();
        List<String> feedbackIds = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String feedbackId = uniqueId();
            feedbackIds.add(feedbackId);
            String event = feedbackOfApp(app, uniqueId(), feedbackId);
            if (i % 10 == 0) {
                gateway.publish(event, 3);
            } else {
                gateway.publish(event);
            }
            if (i == 100) {
                gateway.dropConnections();
            }
            if (i == 200) {
                gateway.closeConnections(1001, "going away");
            }
        }

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        List<JsonObject> stored = api.all("/api/feedback", "app_id=" + app);
        assertEquals(300, stored.size());
        assertEquals(feedbackIds.stream().sorted().toList(),
                stored.stream().map(o -> o.get("feedback_id").getAsString()).sorted().toList());
    }

    @Test
    void aStorageFailureIsAcked500AndTheRedeliveryIsStored() {
        String feedbackId = uniqueId();
        postgres.stop();
        String message;
        try {
            message = gateway.publish(LarkFixtures.feedback(uniqueId(), feedbackId));
            assertTrue(Await.until(WAIT, () -> gateway.acks(message).stream().anyMatch(a -> a.code() == 500)),
                    gateway::summary);
        } finally {
            postgres.startAgain();
        }

        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        assertEquals(200, gateway.acks(message).get(gateway.acks(message).size() - 1).code());
        assertEquals(feedbackId, api.json("/api/feedback/" + feedbackId).get("feedback_id").getAsString());
    }

    @Test
    void theSameEventByWebhookAndByLongConnectionIsStoredOnce() {
        String app = "cli_" + uniqueId();
        String event = feedbackOfApp(app, uniqueId(), uniqueId());

        gateway.publish(event);
        assertTrue(gateway.awaitDelivered(WAIT), gateway::summary);
        LarkWire.Request request = LarkWire.plain(event);
        HttpRequest.Builder post = HttpRequest.newBuilder(inbox.uri().resolve("/webhook/event"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(post::header);
        HttpResponse<String> byWebhook = Http.send(post.build());

        assertEquals(200, byWebhook.statusCode(), byWebhook.body());
        assertTrue(byWebhook.body().contains("\"duplicate\":true"), byWebhook.body());
        assertEquals(1, api.all("/api/feedback", "app_id=" + app).size());
    }

    @Test
    void inWsModeTheWebhookIsNotServed() {
        try (RunningInbox wsOnly = RunningInbox.start(config("ws"))) {
            HttpRequest post = HttpRequest.newBuilder(wsOnly.uri().resolve("/webhook/event"))
                    .POST(HttpRequest.BodyPublishers.ofString(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED))).build();

            assertEquals(404, Http.send(post).statusCode());
        }
    }

    private static String feedbackOfApp(String appId, String eventId, String feedbackId) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback(eventId, feedbackId)).getAsJsonObject();
        event.getAsJsonObject("event").addProperty("app_id", appId);
        return event.toString();
    }

    private static String uniqueId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
