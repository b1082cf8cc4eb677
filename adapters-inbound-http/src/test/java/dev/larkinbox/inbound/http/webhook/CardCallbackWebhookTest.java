package dev.larkinbox.inbound.http.webhook;

import static dev.larkinbox.inbound.http.support.LarkEvents.uniqueId;
import static dev.larkinbox.inbound.http.support.TestServer.ENCRYPT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedback;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.inbound.http.support.LarkEvents;
import dev.larkinbox.inbound.http.support.LarkWire;
import dev.larkinbox.inbound.http.support.TestServer;
import dev.larkinbox.inbound.http.support.TestServer.Reply;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Card clicks as Lark sends them to the callback URL (the same webhook path), encrypted and signed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CardCallbackWebhookTest {
    private static final String CLICKER = Intakes.CLICKER;

    @RegisterExtension
    static final TestServer server = TestServer.secured();
    private static final InMemoryStore store = server.store();

    @Test
    void aSignedClickOnAcknowledgeWorksTheFeedbackAsTheClickerAndAnswersWithAToastAndTheCardObject() {
        String feedbackId = arrived();
        long start = System.nanoTime();

        Reply reply = server.webhook(LarkWire.signed(
                LarkFixtures.cardAction(uniqueId("ev_"), feedbackId, "acknowledge", CLICKER), ENCRYPT_KEY));

        // Lark waits 3 s for the answer: a functional deadline, not a measure of speed
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
        assertEquals(200, reply.status(), reply.body());
        JsonObject answer = reply.json();
        assertEquals("success", answer.getAsJsonObject("toast").get("type").getAsString());
        assertEquals("acknowledged", answer.getAsJsonObject("toast").get("content").getAsString());
        assertEquals("raw", answer.getAsJsonObject("card").get("type").getAsString());
        assertEquals("acknowledged", answer.getAsJsonObject("card").getAsJsonObject("data").get("status")
                .getAsString());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, store.find(feedbackId).orElseThrow().status());
        assertEquals(Actor.larkUser(CLICKER), store.history(feedbackId).get(0).actor());
    }

    @Test
    void aRefusedMoveIsAnErrorToastAndChangesNothing() {
        String feedbackId = arrived();
        // closed feedback is only reopened: resolving it is a move the workflow refuses
        server.bean(WorkFeedback.class).work(new WorkFeedbackCommand(feedbackId, FeedbackStatus.CLOSED, null, null,
                null, null, Actor.user("ana")));

        Reply reply = server.webhook(LarkWire.signed(
                LarkFixtures.cardAction(uniqueId("ev_"), feedbackId, "resolve", CLICKER), ENCRYPT_KEY));

        assertEquals(200, reply.status(), reply.body());
        assertEquals("error", reply.json().getAsJsonObject("toast").get("type").getAsString());
        assertEquals(FeedbackStatus.CLOSED, store.find(feedbackId).orElseThrow().status());
        assertEquals(1, store.history(feedbackId).size(), "the closing only");
    }

    @Test
    void theSameClickTwiceChangesNothingTheSecondTime() {
        String feedbackId = arrived();
        String click = LarkFixtures.cardAction(uniqueId("ev_"), feedbackId, "assign_to_me", CLICKER);

        server.webhook(LarkWire.signed(click, ENCRYPT_KEY));
        Reply again = server.webhook(LarkWire.signed(click, ENCRYPT_KEY));

        assertEquals(200, again.status(), again.body());
        assertEquals("info", again.json().getAsJsonObject("toast").get("type").getAsString());
        assertEquals(1, store.history(feedbackId).size());
        assertEquals(CLICKER, store.find(feedbackId).orElseThrow().assignee());
    }

    @Test
    void anUnsignedClickIsRefusedAndChangesNothing() {
        String feedbackId = arrived();

        Reply reply = server.webhook(LarkWire.encryptedUnsigned(
                LarkFixtures.cardAction(uniqueId("ev_"), feedbackId, "acknowledge", CLICKER), ENCRYPT_KEY));

        assertEquals(401, reply.status(), reply.body());
        assertEquals(FeedbackStatus.NEW, store.find(feedbackId).orElseThrow().status());
    }

    @Test
    void neitherTheVerificationTokenNorTheCardsTokenIsKeptWithTheClickOrTheFeedback() {
        String feedbackEvent = uniqueId("ev_");
        String feedbackId = uniqueId("fb_");
        server.webhook(LarkWire.signed(LarkEvents.feedback(feedbackEvent, feedbackId, uniqueId("cli_"),
                LarkEvents.FAULT, 5), ENCRYPT_KEY));
        String clickEvent = uniqueId("ev_");
        String click = LarkFixtures.cardAction(clickEvent, feedbackId, "acknowledge", CLICKER);
        String cardToken = LarkFixtures.json(LarkFixtures.CARD_ACTION).getAsJsonObject("event").get("token")
                .getAsString();

        assertEquals(200, server.webhook(LarkWire.signed(click, ENCRYPT_KEY)).status());

        for (String eventId : List.of(feedbackEvent, clickEvent)) {
            String kept = store.rawEvent(eventId).orElseThrow();
            assertFalse(kept.contains(LarkEvents.FIXTURE_TOKEN) || kept.contains(cardToken), kept);
            assertFalse(kept.contains("\"token\""), kept);
        }
    }

    private static String arrived() {
        String feedbackId = uniqueId("fb_");
        Reply reply = server.webhook(LarkWire.signed(
                LarkEvents.feedback(uniqueId("ev_"), feedbackId, uniqueId("cli_"), LarkEvents.FAULT, 5), ENCRYPT_KEY));
        assertEquals(200, reply.status(), reply.body());
        return feedbackId;
    }
}
