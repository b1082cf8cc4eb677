package dev.larkinbox.domain.workflow;

import static dev.larkinbox.domain.inbox.FeedbackStatus.ACKNOWLEDGED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.CLOSED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.inbox.FeedbackStatus.NEW;
import static dev.larkinbox.domain.inbox.FeedbackStatus.RESOLVED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.testing.TestClock;
import dev.larkinbox.domain.triage.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowServiceTest {
    private static final String UPDATED = "application.application.feedback.updated_v6";
    private static final Actor ALICE = Actor.user("alice");

    private final TestClock clock = new TestClock(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final WorkflowService service = new WorkflowService(store, store, store, true, clock);
    private int events;

    @Test
    void aFeedbackWorkedFromNewToResolvedHasItsWholeHistoryAndEveryStatusWaitsForLarkInOrder() {
        arrive("fb-1");

        work("fb-1", ACKNOWLEDGED, "alice", "seen it");
        work("fb-1", IN_PROGRESS, null, null);
        TriagedFeedback resolved = work("fb-1", RESOLVED, null, "fixed in 1.2.3");

        assertEquals(RESOLVED, resolved.status());
        assertEquals("alice", resolved.assignee());
        assertEquals(4, resolved.version());
        assertEquals(resolved, store.find("fb-1").orElseThrow());
        List<HistoryEntry> history = service.history("fb-1");
        assertEquals(List.of(NEW, ACKNOWLEDGED, IN_PROGRESS), history.stream().map(HistoryEntry::from).toList());
        assertEquals(List.of(ACKNOWLEDGED, IN_PROGRESS, RESOLVED), history.stream().map(HistoryEntry::to).toList());
        assertEquals(List.of(2L, 3L, 4L), history.stream().map(HistoryEntry::version).toList());
        assertEquals("seen it", history.get(0).note());
        assertEquals(ALICE, history.get(2).actor());
        assertEquals(List.of(LarkFeedbackStatus.MARKED, LarkFeedbackStatus.PROCESSING, LarkFeedbackStatus.CLOSED),
                drainOutboxInOrder());
    }

    @Test
    void aNewReportIsResolvedInOneSaveWithOneHistoryEntryAndLarkIsToldItsEnd() {
        arrive("fb-1");

        TriagedFeedback resolved = work("fb-1", RESOLVED, "alice", "a duplicate of a fixed crash");

        assertEquals(RESOLVED, resolved.status());
        assertEquals(2, resolved.version());
        List<HistoryEntry> history = service.history("fb-1");
        assertEquals(1, history.size());
        assertEquals(NEW, history.get(0).from());
        assertEquals(RESOLVED, history.get(0).to());
        assertEquals("a duplicate of a fixed crash", history.get(0).note());
        assertEquals(List.of(LarkFeedbackStatus.CLOSED), drainOutboxInOrder());
    }

    @Test
    void anImpossibleTransitionIsRefusedWithItsReasonAndWritesNothing() {
        arrive("fb-1");
        work("fb-1", RESOLVED, null, null);
        drainOutboxInOrder();

        ImpossibleTransitionException e = assertThrows(ImpossibleTransitionException.class,
                () -> work("fb-1", IN_PROGRESS, "alice", "again"));

        assertEquals("resolved can only go to acknowledged", e.getMessage());
        assertEquals(2, store.find("fb-1").orElseThrow().version());
        assertEquals(1, service.history("fb-1").size());
        assertFalse(store.hasPending("fb-1"));
    }

    @Test
    void aChangeNamingAnOlderVersionIsStaleAndOneNamingTheCurrentVersionIsMade() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED, null, null);

        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> service.work(
                new WorkFeedbackCommand("fb-1", IN_PROGRESS, null, null, null, 1L, ALICE)));
        TriagedFeedback made = service.work(new WorkFeedbackCommand("fb-1", IN_PROGRESS, null, null, null, 2L, ALICE));

        assertEquals(2, stale.current());
        assertEquals(IN_PROGRESS, made.status());
        assertEquals(3, made.version());
    }

    @Test
    void aFeedbackNotInTheInboxIsNotFound() {
        assertThrows(FeedbackNotFoundException.class, () -> work("fb-none", ACKNOWLEDGED, null, null));
        assertThrows(FeedbackNotFoundException.class, () -> service.history("fb-none"));
    }

    @Test
    void anAssigneeOrANoteAloneIsAChangeInTheHistoryButNothingForLark() {
        arrive("fb-1");

        work("fb-1", null, "bob", null);
        work("fb-1", null, null, "waiting for the user's answer");
        TriagedFeedback unassigned = work("fb-1", null, WorkFeedbackCommand.UNASSIGN, null);

        assertNull(unassigned.assignee());
        assertEquals(NEW, unassigned.status());
        assertEquals(4, unassigned.version());
        List<HistoryEntry> history = service.history("fb-1");
        assertEquals("bob", history.get(0).assigneeAfter());
        assertEquals("waiting for the user's answer", history.get(1).note());
        assertEquals("bob", history.get(2).assigneeBefore());
        assertNull(history.get(2).assigneeAfter());
        assertFalse(store.hasPending("fb-1"));
    }

    @Test
    void askingForWhatAlreadyIsChangesNothing() {
        arrive("fb-1");
        TriagedFeedback acknowledged = work("fb-1", ACKNOWLEDGED, "alice", null);

        assertEquals(acknowledged, work("fb-1", ACKNOWLEDGED, "alice", null));

        assertEquals(1, service.history("fb-1").size());
    }

    @Test
    void withSyncOffNothingIsQueuedForLark() {
        WorkflowService offline = new WorkflowService(store, store, store, false, clock);
        arrive("fb-1");

        offline.work(new WorkFeedbackCommand("fb-1", ACKNOWLEDGED, null, null, null, null, ALICE));

        assertEquals(ACKNOWLEDGED, store.find("fb-1").orElseThrow().status());
        assertFalse(store.hasPending("fb-1"));
    }

    @Test
    void aChangeMadeMeanwhileIsDecidedAgainOnTheNewerVersion() {
        arrive("fb-1");
        FeedbackWorkflowStore interleaving = new FeedbackWorkflowStore() {
            private boolean first = true;

            @Override
            public boolean record(WorkflowChange change) {
                if (first) {
                    first = false; // someone else assigns the feedback just before our write
                    new WorkflowService(store, store, store, true, clock)
                            .work(new WorkFeedbackCommand("fb-1", null, "bob", null, null, null, Actor.user("bob")));
                }
                return store.record(change);
            }

            @Override
            public Delivery recordLarkEvent(EventMeta meta, String rawEvent, String problem, List<WorkflowChange> c,
                                            AwaitedStatus awaited) {
                return store.recordLarkEvent(meta, rawEvent, problem, c, awaited);
            }

            @Override
            public Optional<LarkFeedbackStatus> awaitedStatus(String feedbackId) {
                return store.awaitedStatus(feedbackId);
            }

            @Override
            public void forgetAwaited(String feedbackId) {
                store.forgetAwaited(feedbackId);
            }

            @Override
            public List<HistoryEntry> history(String feedbackId) {
                return store.history(feedbackId);
            }
        };

        TriagedFeedback made = new WorkflowService(store, interleaving, store, true, clock)
                .work(new WorkFeedbackCommand("fb-1", ACKNOWLEDGED, null, null, null, null, ALICE));

        assertEquals(ACKNOWLEDGED, made.status());
        assertEquals("bob", made.assignee(), "bob's change is kept");
        assertEquals(3, made.version());
    }

    @Test
    void aPersonOverridesTheTriagesPriorityWithAReasonThatGoesIntoTheHistoryAndNothingGoesToLark() {
        arrive("fb-1");

        TriagedFeedback lowered = service.work(new WorkFeedbackCommand("fb-1", null, null, Priority.P3,
                "only one user, on an old phone", 1L, ALICE));

        assertEquals(Priority.P3, lowered.triage().priority());
        assertEquals(NEW, lowered.status());
        assertEquals(lowered, store.find("fb-1").orElseThrow());
        HistoryEntry entry = service.history("fb-1").get(0);
        assertTrue(entry.overridesPriority());
        assertEquals(Priority.P1, entry.priorityBefore());
        assertEquals(Priority.P3, entry.priorityAfter());
        assertEquals("only one user, on an old phone", entry.note());
        assertFalse(store.hasPending("fb-1"), "Lark keeps no priority");
        assertThrows(IllegalArgumentException.class,
                () -> new WorkFeedbackCommand("fb-1", null, null, Priority.P2, null, null, ALICE),
                "an override without its reason");
    }

    @Test
    void theHistoryPagesOldestFirstAndACursorOfAnotherFeedbackIsRefused() {
        arrive("fb-1");
        arrive("fb-2");
        for (int i = 1; i <= 5; i++) {
            work("fb-1", null, null, "note " + i);
        }
        work("fb-2", null, null, "other");

        Page<HistoryEntry> first = service.history("fb-1", PageRequest.first(2));
        Page<HistoryEntry> second = service.history("fb-1", new PageRequest(2, first.nextCursor()));
        Page<HistoryEntry> last = service.history("fb-1", new PageRequest(2, second.nextCursor()));

        assertEquals(List.of("note 1", "note 2", "note 3", "note 4", "note 5"),
                java.util.stream.Stream.of(first, second, last).flatMap(p -> p.items().stream())
                        .map(HistoryEntry::note).toList());
        assertNull(last.nextCursor());
        assertThrows(InvalidCursorException.class,
                () -> service.history("fb-2", new PageRequest(2, first.nextCursor())));
        assertThrows(InvalidCursorException.class, () -> service.history("fb-1", new PageRequest(2, "bogus")));
        assertThrows(FeedbackNotFoundException.class, () -> service.history("fb-none", PageRequest.first(2)));
    }

    @Test
    void aCommandMustAskForSomethingValid() {
        assertThrows(IllegalArgumentException.class, () -> new WorkFeedbackCommand("fb", null, null, null, null, null, ALICE));
        assertThrows(IllegalArgumentException.class, () -> new WorkFeedbackCommand("fb", null, null, null, " ", null, ALICE));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkFeedbackCommand("fb", null, " alice", null, null, null, ALICE));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkFeedbackCommand("fb", null, "a".repeat(101), null, null, null, ALICE));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkFeedbackCommand("fb", null, null, null, "n".repeat(2001), null, ALICE));
        assertThrows(IllegalArgumentException.class, () -> new WorkFeedbackCommand("fb", NEW, null, null, null, 0L, ALICE));
        assertThrows(IllegalArgumentException.class, () -> Actor.user("line\nbreak"));
    }

    // --- statuses set in Lark's console --------------------------------------------------------------------

    @Test
    void aStatusSetInLarkIsAppliedByLarkPastTheWorkflowRulesAndNotSentBack() {
        arrive("fb-1");

        assertEquals(Delivery.NEW, larkSets(3, T0.plusSeconds(5), "fb-1"));

        TriagedFeedback closed = store.find("fb-1").orElseThrow();
        assertEquals(CLOSED, closed.status(), "new -> closed is no move of ours, but Lark's console decides");
        HistoryEntry entry = service.history("fb-1").get(0);
        assertEquals(Actor.LARK, entry.actor());
        assertEquals(NEW, entry.from());
        assertEquals(CLOSED, entry.to());
        assertFalse(store.hasPending("fb-1"), "no echo to Lark");
        assertEquals(LedgerOutcome.STORED, store.entry("ev-u1").orElseThrow().outcome());
    }

    @Test
    void aStatusThatAgreesWithOursChangesNothingAndARedeliveryIsADuplicate() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED, null, null);
        work("fb-1", IN_PROGRESS, null, null);
        work("fb-1", RESOLVED, null, null);
        drainOutboxInOrder();

        ApplyLarkStatusCommand closed = larkEvent("ev-u", 3, clock.instant().plusSeconds(5), "fb-1");
        assertEquals(Delivery.NEW, service.apply(closed));
        assertEquals(Delivery.DUPLICATE, service.apply(closed));

        assertEquals(RESOLVED, store.find("fb-1").orElseThrow().status(), "Lark's closed is our resolved too");
        assertEquals(3, service.history("fb-1").size());
    }

    @Test
    void feedbackNotInTheInboxIsNotedAndTheOthersAreChanged() {
        arrive("fb-1");

        assertEquals(Delivery.NEW, larkSets(2, T0.plusSeconds(5), "fb-1", "fb-unknown"));

        assertEquals(IN_PROGRESS, store.find("fb-1").orElseThrow().status());
        assertTrue(store.entry("ev-u1").isPresent());
    }

    @Test
    void theEventsLedgerEntryTellsHowManyFeedbackWereLeftAsTheyWereAndWhy() {
        arrive("fb-1");
        arrive("fb-2");
        work("fb-2", ACKNOWLEDGED, null, null);

        larkSets(2, clock.instant().plusSeconds(5), "fb-1", "fb-2", "fb-unknown");

        assertEquals(IN_PROGRESS, store.find("fb-1").orElseThrow().status());
        assertEquals("not applied to feedback: 1 not in the inbox yet (applied when they arrive), 1 with a newer"
                + " status of ours on its way to Lark", store.problem("ev-u1"));
        assertEquals(LarkFeedbackStatus.PROCESSING, store.awaitedStatus("fb-unknown").orElseThrow());
    }

    @Test
    void whileAChangeOfOursIsOnItsWayToLarkLarksStatusIsNotApplied() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED, null, null);

        larkSets(0, clock.instant().plusSeconds(5), "fb-1");

        assertEquals(ACKNOWLEDGED, store.find("fb-1").orElseThrow().status());
    }

    @Test
    void aStatusLarkSetBeforeItTookOurLastOneIsALateEchoAndNotApplied() {
        arrive("fb-1");
        work("fb-1", ACKNOWLEDGED, null, null);
        Instant echoCreated = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(2));
        work("fb-1", IN_PROGRESS, null, null);
        drainOutboxInOrder();

        larkSets(1, echoCreated, "fb-1"); // Lark's event for our "marked", arriving after our "processing"
        assertEquals(IN_PROGRESS, store.find("fb-1").orElseThrow().status());

        larkSets(3, clock.instant().plusSeconds(60), "fb-1"); // set in the console afterwards
        assertEquals(CLOSED, store.find("fb-1").orElseThrow().status());
    }

    @Test
    void aStatusNumberLarkAddsLaterChangesNothingButTheEventIsRecorded() {
        arrive("fb-1");

        assertEquals(Delivery.NEW, larkSets(9, T0.plusSeconds(5), "fb-1"));

        assertEquals(NEW, store.find("fb-1").orElseThrow().status());
        assertTrue(store.entry("ev-u1").isPresent());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private void arrive(String feedbackId) {
        TriagedFeedback item = feedback("ev-" + feedbackId, feedbackId, T0);
        store.add(item, rawEvent("ev-" + feedbackId));
    }

    private TriagedFeedback work(String feedbackId, FeedbackStatus status, String assignee, String note) {
        clock.advance(Duration.ofSeconds(1));
        return service.work(new WorkFeedbackCommand(feedbackId, status, assignee, null, note, null, ALICE));
    }

    /** Lark's event, each under a fresh event id: ev-u1, ev-u2, ... */
    private Delivery larkSets(int larkStatus, Instant created, String... feedbackIds) {
        return service.apply(larkEvent("ev-u" + ++events, larkStatus, created, feedbackIds));
    }

    private ApplyLarkStatusCommand larkEvent(String eventId, int larkStatus, Instant created, String... feedbackIds) {
        var meta = new EventMeta(eventId, UPDATED, "cli_a", "tenant", created, clock.instant(), Transport.WEBHOOK);
        return new ApplyLarkStatusCommand(meta, List.of(feedbackIds), larkStatus, UserRef.NONE, rawEvent(eventId));
    }

    /** Marks every pending entry delivered, as Lark would take them, and returns their statuses. */
    private List<LarkFeedbackStatus> drainOutboxInOrder() {
        List<LarkFeedbackStatus> sent = new ArrayList<>();
        for (List<PendingSync> batch = store.claimDue(clock.instant(), clock.instant().plusSeconds(30), 10);
             !batch.isEmpty(); batch = store.claimDue(clock.instant(), clock.instant().plusSeconds(30), 10)) {
            for (PendingSync p : batch) {
                sent.add(p.sync().status());
                store.delivered(p.id(), clock.instant());
            }
        }
        return sent;
    }
}
