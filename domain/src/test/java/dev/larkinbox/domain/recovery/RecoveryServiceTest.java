package dev.larkinbox.domain.recovery;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.fault;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static dev.larkinbox.domain.testing.SampleEvents.suggestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final LarkFeedbackListing lark = mock(LarkFeedbackListing.class);
    private final RecoveryService recovery = new RecoveryService(lark, store, store, new DefaultTriagePolicy(),
            List.of(APP), 3, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void exactlyTheFeedbackThatNeverArrivedIsAddedFromEveryPageTriagedAndMarkedRecovered() {
        store.add(feedback("ev-2", "fb-2", T0), rawEvent("ev-2"));
        listing(page("p2", listed(fault("fb-1", APP, FaultKind.CRASH), 0), listed(fault("fb-2", APP, FaultKind.LAG), 0)),
                page(null, listed(suggestion("fb-3", APP), 2)));

        RecoveryReport report = recovery.recover(new RecoverMissedFeedbackCommand(3));

        assertEquals(new RecoveryReport(3, List.of("fb-1", "fb-3")), report);
        TriagedFeedback crash = store.find("fb-1").orElseThrow();
        assertEquals(Priority.P1, crash.triage().priority());
        assertEquals(FeedbackStatus.NEW, crash.status());
        assertEquals("recovered:fb-1", crash.meta().eventId());
        assertEquals(Transport.RECOVERY, crash.meta().transport());
        assertEquals(T0, crash.meta().receivedAt());
        assertEquals(LedgerOutcome.RECOVERED, store.entry("recovered:fb-1").orElseThrow().outcome());
        assertEquals(FeedbackStatus.IN_PROGRESS, store.find("fb-3").orElseThrow().status(), "as Lark shows it");
        assertEquals("ev-2", store.find("fb-2").orElseThrow().meta().eventId(), "what was there stays");
    }

    @Test
    void aSecondRunAddsNothing() {
        listing(page(null, listed(fault("fb-1", APP, FaultKind.CRASH), 0)));
        recovery.recover(new RecoverMissedFeedbackCommand(3));
        listing(page(null, listed(fault("fb-1", APP, FaultKind.CRASH), 0)));

        assertEquals(new RecoveryReport(1, List.of()), recovery.recover(new RecoverMissedFeedbackCommand(3)));

        assertEquals(1, store.list(FeedbackFilter.ALL, FeedbackOrder.NEWEST, PageRequest.first(10)).items().size());
    }

    @Test
    void larkIsAskedForTheLastDaysAndAStatusItAddsLaterReadsAsNew() {
        when(lark.list(APP, T0.minus(Duration.ofDays(7)), T0, null))
                .thenReturn(page(null, listed(fault("fb-1", APP, FaultKind.CRASH), 42)));

        assertEquals(List.of("fb-1"), recovery.recover(new RecoverMissedFeedbackCommand(7)).recovered());

        assertEquals(FeedbackStatus.NEW, store.find("fb-1").orElseThrow().status());
    }

    @Test
    void aListingThatNeverEndsIsStopped() {
        when(lark.list(eq(APP), any(), any(), any())).thenReturn(page("same", listed(fault("fb-1", APP), 0)));

        assertThrows(IllegalStateException.class, () -> recovery.recover(new RecoverMissedFeedbackCommand(1)));
    }

    @Test
    void whenLarkBecomesUnreachableWhatWasRecoveredStays() {
        when(lark.list(eq(APP), any(), any(), isNull())).thenReturn(page("p2", listed(fault("fb-1", APP), 0)));
        when(lark.list(eq(APP), any(), any(), eq("p2"))).thenThrow(new LarkUnavailableException("timeout", null));

        assertThrows(LarkUnavailableException.class, () -> recovery.recover(new RecoverMissedFeedbackCommand(1)));

        assertEquals(LedgerOutcome.RECOVERED, store.entry("recovered:fb-1").orElseThrow().outcome());
    }

    private void listing(ListedPage first) {
        when(lark.list(eq(APP), any(), any(), isNull())).thenReturn(first);
    }

    /** @param second the page after the token "p2" */
    private void listing(ListedPage first, ListedPage second) {
        listing(first);
        when(lark.list(eq(APP), any(), any(), eq("p2"))).thenReturn(second);
    }

    private static ListedPage page(String next, ListedFeedback... items) {
        return new ListedPage(List.of(items), next);
    }

    private static ListedFeedback listed(Feedback feedback, Integer status) {
        return new ListedFeedback(feedback, status, "{\"feedback_id\":\"" + feedback.feedbackId() + "\"}");
    }
}
