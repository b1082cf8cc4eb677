package dev.larkinbox.domain.card;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.fault;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.suggestion;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.sync.Backoff;
import dev.larkinbox.domain.sync.SyncReport;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.testing.TestClock;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardDeliveryServiceTest {
    private final TestClock clock = new TestClock(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final InboxService inbox = new InboxService(store, new DefaultTriagePolicy(),
            new NotificationPolicy(Priority.P2));
    private final WorkflowService workflow = new WorkflowService(store, store, store, false, clock);
    private final RecordingChat chat = new RecordingChat();
    private final CardDeliveryService cards = new CardDeliveryService(store.cards(), store, store.problems(), chat, null,
            new InMemoryPeople(), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), Duration.ofSeconds(30), 10, 3, clock);

    @Test
    void urgentFeedbackIsPostedOnceAndLowPriorityFeedbackNotAtAll() {
        arrive("fb-crash", fault("fb-crash", APP, FaultKind.CRASH));
        arrive("fb-lag", fault("fb-lag", APP, FaultKind.LAG));
        arrive("fb-idea", suggestion("fb-idea", APP));

        assertEquals(new SyncReport(2, 0, 0), cards.sendDue());
        assertEquals(List.of("fb-crash", "fb-lag"), chat.posts.stream().map(s -> s.card().feedbackId()).toList());
        assertEquals(SyncReport.NOTHING, cards.sendDue());
    }

    @Test
    void aLaterChangeUpdatesThePostedMessageWithTheFeedbackAsItIsThen() {
        arrive("fb-1", fault("fb-1", APP, FaultKind.CRASH));
        cards.sendDue();

        workflow.work(new WorkFeedbackCommand("fb-1", FeedbackStatus.ACKNOWLEDGED, "alice", null, null, null,
                Actor.user("alice")));
        cards.sendDue();

        assertEquals(1, chat.updates.size());
        assertEquals("om_1", chat.updates.get(0).messageId());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, chat.updates.get(0).card().status());
        assertEquals(true, chat.updates.get(0).card().assigned());
    }

    @Test
    void aChangeOfFeedbackWithoutACardSendsNothing() {
        arrive("fb-idea", suggestion("fb-idea", APP));
        workflow.work(new WorkFeedbackCommand("fb-idea", FeedbackStatus.ACKNOWLEDGED, null, null, null, null,
                Actor.user("alice")));

        assertEquals(SyncReport.NOTHING, cards.sendDue());
        assertEquals(List.of(), store.pendingCards());
    }

    @Test
    void whileTheChatIsUnreachableNothingIsLostAndThePostPrecedesItsUpdate() {
        arrive("fb-1", fault("fb-1", APP, FaultKind.CRASH));
        workflow.work(new WorkFeedbackCommand("fb-1", FeedbackStatus.ACKNOWLEDGED, null, null, null, null,
                Actor.user("alice")));
        chat.down = true;

        assertEquals(new SyncReport(0, 1, 0), cards.sendDue());
        assertEquals(List.of("fb-1:post", "fb-1:update"), store.pendingCards());
        chat.down = false;
        clock.advance(Duration.ofSeconds(1));

        assertEquals(new SyncReport(2, 0, 0), cards.sendDue());
        assertEquals(1, chat.posts.size());
        assertEquals(List.of("om_1"), chat.updates.stream().map(RecordingChat.Sent::messageId).toList());
        assertEquals(List.of(), store.pendingCards());
    }

    private void arrive(String eventId, Feedback feedback) {
        inbox.triage(new TriageFeedbackCommand(meta("ev-" + eventId, FEEDBACK_CREATED, T0), feedback, "{}"));
    }
}
