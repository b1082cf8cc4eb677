package dev.larkinbox.inbound.lark;

import static dev.larkinbox.inbound.lark.fixtures.LarkFixtures.cardAction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import dev.larkinbox.domain.card.NotificationPolicy;
import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import dev.larkinbox.inbound.lark.fixtures.Intakes;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Card clicks, as Lark sends them, through the shared intake: answered with a toast and the card as it is now. */
class CardActionIntakeTest {
    private static final String FEEDBACK = "7057888018203574291";
    private static final String CLICKER = Intakes.CLICKER;

    private final InMemoryStore store = new InMemoryStore();
    private final Clock clock = Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC);
    private final InboxService inbox = new InboxService(store, new DefaultTriagePolicy(),
            new NotificationPolicy(Priority.P2));
    private final WorkflowService workflow = new WorkflowService(store, store, store, true, clock);
    private final LarkEventIntake intake = Intakes.over(store, inbox, workflow, clock);

    @BeforeEach
    void theSeedFeedbackArrived() {
        intake.accept(LarkFixtures.text(LarkFixtures.FEEDBACK_CREATED), Transport.WEBHOOK);
    }

    @Test
    void aClickOnAcknowledgeWorksTheFeedbackAsTheClickerAndAnswersWithASuccessToastAndTheNewCard() {
        Intake result = intake.accept(LarkFixtures.text(LarkFixtures.CARD_ACTION), Transport.WEBHOOK);

        assertEquals(Delivery.NEW, result.delivery());
        assertEquals("{\"toast\":{\"type\":\"success\",\"content\":\"acknowledged\","
                + "\"i18n\":{\"zh_cn\":\"已确认\",\"en_us\":\"acknowledged\"}},\"card\":{\"type\":\"raw\","
                + "\"data\":{\"feedback_id\":\"" + FEEDBACK + "\",\"status\":\"acknowledged\"}}}", result.answer().toString());
        assertEquals(Actor.larkUser(CLICKER), workflow.history(FEEDBACK).get(0).actor());
    }

    @Test
    void theSameCallbackTwiceIsAnsweredAgainWithoutChangingAnything() {
        intake.accept(LarkFixtures.text(LarkFixtures.CARD_ACTION), Transport.WEBHOOK);
        Intake again = intake.accept(LarkFixtures.text(LarkFixtures.CARD_ACTION), Transport.LONG_CONNECTION);

        assertEquals(Delivery.DUPLICATE, again.delivery());
        assertEquals("info", again.answer().getAsJsonObject("toast").get("type").getAsString());
        assertEquals(1, workflow.history(FEEDBACK).size());
    }

    @Test
    void aMoveTheWorkflowRefusesIsAnErrorToastThatSaysWhyInBothLanguagesAndChangesNothing() {
        workflow.work(new WorkFeedbackCommand(FEEDBACK, FeedbackStatus.IN_PROGRESS, null, null, null, null,
                Actor.user("alice")));

        Intake result = intake.accept(cardAction("ev-ack", FEEDBACK, "acknowledge", CLICKER), Transport.WEBHOOK);

        JsonObject toast = result.answer().getAsJsonObject("toast");
        assertEquals("error", toast.get("type").getAsString());
        assertEquals("in_progress can only go to resolved or closed", toast.get("content").getAsString());
        assertEquals("处理中只能改为已解决或已关闭", toast.getAsJsonObject("i18n").get("zh_cn").getAsString());
        assertEquals("in_progress can only go to resolved or closed",
                toast.getAsJsonObject("i18n").get("en_us").getAsString());
        assertEquals("in_progress", result.answer().getAsJsonObject("card").getAsJsonObject("data").get("status")
                .getAsString());
        assertEquals(FeedbackStatus.IN_PROGRESS, store.find(FEEDBACK).orElseThrow().status());
    }

    @Test
    void aClickWhoseValueIsNotOneOfOurButtonsIsKeptRawAsMalformed() {
        Intake result = intake.accept(cardAction("ev-odd", FEEDBACK, "delete_everything", CLICKER),
                Transport.WEBHOOK);

        assertEquals(LedgerOutcome.MALFORMED, result.outcome());
        assertNull(result.answer());
        assertEquals(FeedbackStatus.NEW, store.find(FEEDBACK).orElseThrow().status());
    }
}
