package dev.larkinbox.inbound.http.recovery;

import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.ErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.recovery.ListedFeedback;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestBeans.StubListing;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/recovery}, over a stand-in of Lark's listing. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecoveryApiTest {

    @Test
    void recoveryAddsWhatNeverArrivedOnceAndSaysWhat() {
        try (TestServer server = TestServer.start(Map.of("inbox.api-token", TestServer.API_TOKEN,
                "test.recovery", "on", "lark.webhook.allow-unverified", true))) {
            String arrived = uniqueId("fb_");
            String missed = uniqueId("fb_");
            assertEquals(200, server.webhook(LarkWire.plain(LarkEvents.feedback(uniqueId("ev_"), arrived,
                    StubListing.APP, LarkEvents.FAULT, 5))).status());
            StubListing lark = server.bean(StubListing.class);
            lark.add(listed(arrived));
            lark.add(listed(missed));

            Reply first = server.post("/api/recovery");
            Reply second = server.post("/api/recovery?days=7");

            assertEquals(200, first.status(), first.body());
            assertEquals(2, first.json().get("listed").getAsInt());
            assertEquals(strings(missed), first.json().getAsJsonArray("recovered"));
            assertEquals(200, second.status(), second.body());
            assertEquals(new JsonArray(), second.json().getAsJsonArray("recovered"));
            JsonObject recovered = server.get("/api/feedback/" + missed).json();
            assertEquals("recovered:" + missed, recovered.get("event_id").getAsString());
            assertEquals("P1", recovered.get("priority").getAsString());
            assertError(server.post("/api/recovery?days=0"), 400, "invalid-query");
            assertEquals("days must be greater than or equal to 1",
                    assertError(server.post("/api/recovery?days=0"), 400, "invalid-query").get("detail").getAsString());
            assertEquals("days must be a whole number",
                    assertError(server.post("/api/recovery?days=abc"), 400, "invalid-query").get("detail").getAsString());
        }
    }

    @Test
    void withoutLarkCredentialsRecoveryIsNotConfigured() {
        try (TestServer server = TestServer.start(Map.of("inbox.api-token", TestServer.API_TOKEN))) {
            assertError(server.post("/api/recovery"), 503, "lark-not-configured");
        }
    }

    private static ListedFeedback listed(String feedbackId) {
        var feedback = new Feedback(feedbackId, StubListing.APP, null, UserRef.NONE, FeedbackType.FAULT,
                List.of(FaultKind.CRASH), null, null, null, null, null, List.of(), null);
        return new ListedFeedback(feedback, 0, "{\"feedback_id\":\"" + feedbackId + "\"}");
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }
}
