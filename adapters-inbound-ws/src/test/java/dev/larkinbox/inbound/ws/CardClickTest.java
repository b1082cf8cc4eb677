package dev.larkinbox.inbound.ws;

import static dev.larkinbox.inbound.ws.Clients.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.inbound.ws.gateway.Ack;
import dev.larkinbox.inbound.ws.gateway.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Card clicks over the long connection: Lark sends them as event frames, the answer goes back in the ack. */
class CardClickTest extends ClientAgainstGateway {
    private static final String FEEDBACK = "7057888018203574291";
    private static final String CLICKER = Intakes.CLICKER;

    @BeforeEach
    void connectedWithTheSeedFeedbackStored() {
        connect(Clients.config(gateway.domain()));
        String feedback = gateway.publish(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED));
        assertTrue(Await.until(WAIT, () -> acked(feedback) != null));
    }

    @Test
    void aClickIsAppliedAsTheClickerAndAnsweredInTheAckWithAToastAndTheCardWithinThreeSeconds() {
        Instant sent = Instant.now();
        String click = gateway.publish(LarkFixtures.text(LarkFixtures.CARD_ACTION));

        assertTrue(Await.until(WAIT, () -> acked(click) != null));
        Ack ack = acked(click);
        // Lark waits 3 s for the answer: a functional deadline, with the time the gateway took to notice
        assertTrue(Duration.between(sent, ack.at()).compareTo(Duration.ofSeconds(3)) < 0, "answered in time");
        assertEquals(200, ack.code());
        JsonObject answer = JsonParser.parseString(ack.data()).getAsJsonObject();
        assertEquals("success", answer.getAsJsonObject("toast").get("type").getAsString());
        assertEquals("raw", answer.getAsJsonObject("card").get("type").getAsString());
        assertEquals("acknowledged", answer.getAsJsonObject("card").getAsJsonObject("data").get("status")
                .getAsString());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, inbox.store.find(FEEDBACK).orElseThrow().status());
        assertEquals(Actor.larkUser(CLICKER), inbox.store.history(FEEDBACK).get(0).actor());
    }

    @Test
    void neitherTheFeedbackNorTheClickIsKeptWithATokenThoughBothCameWithOne() {
        JsonObject clickEvent = LarkFixtures.json(LarkFixtures.CARD_ACTION);
        String verificationToken = clickEvent.getAsJsonObject("header").get("token").getAsString();
        String cardToken = clickEvent.getAsJsonObject("event").get("token").getAsString();
        String click = gateway.publish(clickEvent.toString());

        assertTrue(Await.until(WAIT, () -> acked(click) != null));
        for (String eventId : List.of("5e3702a84e847582be8db7fb73283c02",
                clickEvent.getAsJsonObject("header").get("event_id").getAsString())) {
            String kept = inbox.store.rawEvent(eventId).orElseThrow();
            assertFalse(kept.contains(verificationToken) || kept.contains(cardToken), kept);
        }
    }

    @Test
    void aRefusedMoveIsAnErrorToastInTheAckAndChangesNothing() {
        // closed feedback is only reopened: resolving it is a move the workflow refuses
        inbox.workflow.work(new WorkFeedbackCommand(FEEDBACK, FeedbackStatus.CLOSED, null, null, null, null,
                Actor.user("ana")));
        String click = gateway.publish(LarkFixtures.cardAction("ev-resolve", FEEDBACK, "resolve", CLICKER));

        assertTrue(Await.until(WAIT, () -> acked(click) != null));
        JsonObject answer = JsonParser.parseString(acked(click).data()).getAsJsonObject();
        assertEquals("error", answer.getAsJsonObject("toast").get("type").getAsString());
        assertEquals(FeedbackStatus.CLOSED, inbox.store.find(FEEDBACK).orElseThrow().status());
        assertEquals(1, inbox.store.history(FEEDBACK).size(), "the closing only");
    }

    @Test
    void aRepeatedClickChangesNothingTheSecondTime() {
        String first = gateway.publish(LarkFixtures.text(LarkFixtures.CARD_ACTION));
        assertTrue(Await.until(WAIT, () -> acked(first) != null));
        String again = gateway.publish(LarkFixtures.text(LarkFixtures.CARD_ACTION));

        assertTrue(Await.until(WAIT, () -> acked(again) != null));
        JsonObject answer = JsonParser.parseString(acked(again).data()).getAsJsonObject();
        assertEquals("info", answer.getAsJsonObject("toast").get("type").getAsString());
        assertEquals(1, inbox.store.history(FEEDBACK).size());
    }

    private Ack acked(String messageId) {
        List<Ack> acks = gateway.acks(messageId);
        return acks.stream().filter(a -> a.code() == 200).findFirst().orElse(null);
    }
}
