package dev.larkinbox.domain.sync;

import static dev.larkinbox.domain.inbox.FeedbackStatus.ACKNOWLEDGED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.workflow.LarkFeedbackStatus.MARKED;
import static dev.larkinbox.domain.workflow.LarkFeedbackStatus.PROCESSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.testing.TestClock;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import dev.larkinbox.domain.workflow.WorkflowService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class StatusSyncServiceTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    private final TestClock clock = new TestClock(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final LarkStatusApi lark = mock(LarkStatusApi.class);
    private final WorkflowService workflow = new WorkflowService(store, store, store, true, clock);
    private final StatusSyncService sync = new StatusSyncService(store, lark, BACKOFF, Duration.ofSeconds(30), 10, 3,
            clock);

    @Test
    void everyDueStatusIsSentToLarkInTheOrderItWasSetPerFeedback() {
        arrive("fb-1");
        arrive("fb-2");
        work("fb-1", ACKNOWLEDGED);
        work("fb-2", ACKNOWLEDGED);
        work("fb-1", IN_PROGRESS);

        assertEquals(new SyncReport(3, 0, 0), sync.syncDue());

        InOrder order = inOrder(lark);
        order.verify(lark).setStatus(APP, "fb-1", MARKED);
        order.verify(lark).setStatus(APP, "fb-1", PROCESSING);
        verify(lark).setStatus(APP, "fb-2", MARKED);
        assertFalse(store.hasPending("fb-1"));
        assertEquals(SyncReport.NOTHING, sync.syncDue());
    }

    @Test
    void whileLarkIsUnreachableNothingIsLostAndItIsTriedAgainWithGrowingDelays() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED);
        doThrow(new LarkUnavailableException("connection refused", null))
                .doThrow(new LarkUnavailableException("connection refused", null))
                .doNothing().when(lark).setStatus(any(), any(), any());

        assertEquals(new SyncReport(0, 1, 0), sync.syncDue());
        clock.advance(Duration.ofMillis(999));
        assertEquals(SyncReport.NOTHING, sync.syncDue(), "1 s after the first failure");
        clock.advance(Duration.ofMillis(1));
        assertEquals(new SyncReport(0, 1, 0), sync.syncDue());
        clock.advance(Duration.ofMillis(1999));
        assertEquals(SyncReport.NOTHING, sync.syncDue(), "2 s after the second failure");
        clock.advance(Duration.ofMillis(1));
        assertEquals(new SyncReport(1, 0, 0), sync.syncDue());

        verify(lark, times(3)).setStatus(APP, "fb-1", MARKED);
        assertFalse(store.hasPending("fb-1"));
    }

    @Test
    void whenLarkIsUnreachableTheRestOfTheBatchWaitsAsLongAsTheEntryThatFoundOut() {
        for (int i = 0; i < 3; i++) {
            arrive("fb-" + i);
            work("fb-" + i, ACKNOWLEDGED);
        }
        doThrow(new LarkUnavailableException("timeout", null)).when(lark).setStatus(any(), any(), any());

        assertEquals(new SyncReport(0, 1, 0), sync.syncDue());
        verify(lark, times(1)).setStatus(any(), any(), any());

        doNothing().when(lark).setStatus(any(), any(), any());
        clock.advance(BACKOFF.first());
        assertEquals(new SyncReport(3, 0, 0), sync.syncDue(), "the rest waited as long as the one that failed");
    }

    @Test
    void anEntryLarkKeepsRefusingIsGivenUpSoTheFeedbacksNextStatusGoesOn() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED);
        work("fb-1", IN_PROGRESS);
        doThrow(new LarkRefusedException(1, "no permission")).when(lark).setStatus(APP, "fb-1", MARKED);
        doNothing().when(lark).setStatus(APP, "fb-1", PROCESSING);

        assertEquals(new SyncReport(0, 1, 0), sync.syncDue());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new SyncReport(0, 1, 0), sync.syncDue());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(new SyncReport(1, 0, 1), sync.syncDue(), "third refusal: given up, the next one sent");

        verify(lark, times(3)).setStatus(APP, "fb-1", MARKED);
        verify(lark).setStatus(APP, "fb-1", PROCESSING);
        verifyNoMoreInteractions(lark);
    }

    @Test
    void aPermanentRefusalIsGivenUpAtOnce() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED);
        work("fb-1", IN_PROGRESS);
        doThrow(new LarkRefusedException(230013, "out of reach", true)).when(lark).setStatus(APP, "fb-1", MARKED);
        doNothing().when(lark).setStatus(APP, "fb-1", PROCESSING);

        assertEquals(new SyncReport(1, 0, 1), sync.syncDue(), "given up at the first refusal, the next one sent");

        verify(lark).setStatus(APP, "fb-1", MARKED);
        verify(lark).setStatus(APP, "fb-1", PROCESSING);
        verifyNoMoreInteractions(lark);
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        assertEquals(Duration.ofSeconds(1), BACKOFF.delayAfter(1));
        assertEquals(Duration.ofSeconds(2), BACKOFF.delayAfter(2));
        assertEquals(Duration.ofSeconds(32), BACKOFF.delayAfter(6));
        assertEquals(Duration.ofSeconds(60), BACKOFF.delayAfter(7));
        assertEquals(Duration.ofSeconds(60), BACKOFF.delayAfter(10_000));
        assertThrows(IllegalArgumentException.class, () -> BACKOFF.delayAfter(0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    private void arrive(String feedbackId) {
        store.add(feedback("ev-" + feedbackId, feedbackId, T0), rawEvent("ev-" + feedbackId));
    }

    private void work(String feedbackId, FeedbackStatus status) {
        workflow.work(new WorkFeedbackCommand(feedbackId, status, null, null, null, null, Actor.user("alice")));
    }
}
