package dev.larkinbox.domain.testing;

import static dev.larkinbox.domain.inbox.FeedbackStatus.ACKNOWLEDGED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.CLOSED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.fault;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.ledger.LedgerEntry;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.sync.StatusSync;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.AwaitedStatus;
import dev.larkinbox.domain.workflow.ConcurrentChangeException;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.domain.workflow.WorkflowChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@code FeedbackWorkflowStore}, {@code StatusOutbox} and {@code RecoveryInbox} must
 * do, over the same inbox and ledger. A subclass supplies a fresh, empty store for each test.
 */
public abstract class WorkflowPortsContract {
    private static final Actor ALICE = Actor.user("alice");
    private static final Duration LEASE = Duration.ofSeconds(30);

    protected WorkflowPorts ports;
    private int seconds;

    /** Ports over an empty store. Called before each test. */
    protected abstract WorkflowPorts emptyStore();

    @BeforeEach
    void startEmpty() {
        ports = emptyStore();
    }

    // --- changes and their history -------------------------------------------------------------------------

    @Test
    void aChangeMovesTheFeedbackToItsNextVersionWithItsHistoryEntry() {
        TriagedFeedback item = arrive("fb-1");
        WorkflowChange change = change(item, ACKNOWLEDGED, "alice", "on it", ALICE, false);

        assertTrue(ports.workflow().record(change));

        TriagedFeedback found = find("fb-1");
        assertEquals(new TriagedFeedback(item.meta(), item.feedback(), item.triage(), ACKNOWLEDGED, "alice", 2), found);
        assertEquals(List.of(change.entry()), ports.workflow().history("fb-1"));
        assertFalse(ports.outbox().hasPending("fb-1"), "nothing for Lark without a sync");
        assertEquals(List.of(), claim(at(60)));
    }

    @Test
    void aChangeDecidedOnAnOlderVersionWritesNothing() {
        TriagedFeedback item = arrive("fb-1");
        WorkflowChange first = change(item, ACKNOWLEDGED, "alice", null, ALICE, false);
        WorkflowChange late = change(item, ACKNOWLEDGED, "bob", "me too", Actor.user("bob"), true);

        assertTrue(ports.workflow().record(first));
        assertFalse(ports.workflow().record(late));

        assertEquals("alice", find("fb-1").assignee());
        assertEquals(List.of(first.entry()), ports.workflow().history("fb-1"));
        assertFalse(ports.outbox().hasPending("fb-1"));
    }

    @Test
    void aChangeOfAFeedbackNotInTheInboxWritesNothing() {
        TriagedFeedback absent = feedback("ev-9", "fb-9", T0);

        assertFalse(ports.workflow().record(change(absent, ACKNOWLEDGED, null, null, ALICE, true)));

        assertEquals(List.of(), ports.workflow().history("fb-9"));
        assertFalse(ports.outbox().hasPending("fb-9"));
    }

    @Test
    void theHistoryOfEachFeedbackIsKeptOldestFirst() {
        TriagedFeedback one = arrive("fb-1");
        TriagedFeedback other = arrive("fb-2");
        List<HistoryEntry> expected = new ArrayList<>();
        one = apply(one, ACKNOWLEDGED, "alice", "seen", expected);
        one = apply(one, IN_PROGRESS, "alice", null, expected);
        one = apply(one, IN_PROGRESS, "bob", "handing over to bob", expected);
        apply(one, IN_PROGRESS, null, "a note alone", expected);
        List<HistoryEntry> otherExpected = new ArrayList<>();
        apply(other, ACKNOWLEDGED, null, null, otherExpected);

        assertEquals(expected, ports.workflow().history("fb-1"));
        assertEquals(otherExpected, ports.workflow().history("fb-2"));
        assertEquals(5, find("fb-1").version());
        assertEquals(List.of(), ports.workflow().history("fb-unknown"));
    }

    @Test
    void aPriorityOverrideChangesTheFeedbacksPriorityAndKeepsTheTriagesReasonsAndItsOwnInTheHistory() {
        TriagedFeedback item = arrive("fb-1");
        assertEquals(Priority.P1, item.triage().priority());
        WorkflowChange change = change(item, item.status(), null, Priority.P3, "only on one old phone", ALICE, false);

        assertTrue(ports.workflow().record(change));

        TriagedFeedback found = find("fb-1");
        assertEquals(Priority.P3, found.triage().priority());
        assertEquals(item.triage().reasons(), found.triage().reasons());
        HistoryEntry entry = ports.workflow().history("fb-1").get(0);
        assertEquals(Priority.P1, entry.priorityBefore());
        assertEquals(Priority.P3, entry.priorityAfter());
        assertEquals("only on one old phone", entry.note());
        assertEquals(List.of(found), ports.inbox().list(new FeedbackFilter(null, Set.of(), Set.of(Priority.P3), null,
                null, null), FeedbackOrder.NEWEST, PageRequest.first(10)).items());
    }

    // --- the outbox ----------------------------------------------------------------------------------------

    @Test
    void aStatusForLarkIsInTheOutboxWithItsChangeAndDueAtOnce() {
        WorkflowChange change = change(arrive("fb-1"), ACKNOWLEDGED, null, null, ALICE, true);

        ports.workflow().record(change);

        assertTrue(ports.outbox().hasPending("fb-1"));
        List<PendingSync> claimed = claim(change.sync().requestedAt());
        assertEquals(1, claimed.size());
        assertEquals(change.sync(), claimed.get(0).sync());
        assertEquals(0, claimed.get(0).attempts());
    }

    @Test
    void ofOneFeedbackOnlyTheOldestPendingEntryIsHandedOutSoLarkHearsItsStatusesInOrder() {
        TriagedFeedback one = arrive("fb-1");
        WorkflowChange acknowledged = change(one, ACKNOWLEDGED, null, null, ALICE, true);
        ports.workflow().record(acknowledged);
        WorkflowChange inProgress = change(find("fb-1"), IN_PROGRESS, null, null, ALICE, true);
        ports.workflow().record(inProgress);
        WorkflowChange other = change(arrive("fb-2"), ACKNOWLEDGED, null, null, ALICE, true);
        ports.workflow().record(other);

        List<PendingSync> first = claim(at(60));
        assertEquals(List.of(acknowledged.sync(), other.sync()), syncs(first));
        assertEquals(List.of(), claim(at(61)), "claimed entries are leased, the later one waits for its elder");

        ports.outbox().delivered(first.get(0).id(), at(62));
        assertEquals(List.of(inProgress.sync()), syncs(claim(at(63))));
    }

    @Test
    void aClaimedEntryIsHiddenUntilItsLeaseEndsThenHandedOutAgain() {
        ports.workflow().record(change(arrive("fb-1"), ACKNOWLEDGED, null, null, ALICE, true));
        Instant now = at(60);

        PendingSync claimed = ports.outbox().claimDue(now, now.plus(LEASE), 10).get(0);

        assertEquals(List.of(), ports.outbox().claimDue(now.plus(LEASE).minusSeconds(1), now.plus(LEASE.multipliedBy(2)), 10));
        assertEquals(List.of(claimed), ports.outbox().claimDue(now.plus(LEASE), now.plus(LEASE.multipliedBy(2)), 10),
                "a worker that died with it did not count an attempt");
    }

    @Test
    void aFailedEntryWaitsForItsNextAttemptAndCountsItsAttemptsAndRefusals() {
        ports.workflow().record(change(arrive("fb-1"), ACKNOWLEDGED, null, null, ALICE, true));
        PendingSync claimed = claim(at(60)).get(0);

        ports.outbox().retryLater(claimed.id(), false, at(70), "Lark unreachable");
        assertEquals(List.of(), claim(at(69)));
        PendingSync again = claim(at(70)).get(0);
        ports.outbox().retryLater(again.id(), true, at(80), "Lark refused with code 99991400");
        PendingSync third = claim(at(80)).get(0);

        assertEquals(new PendingSync(claimed.id(), claimed.sync(), 1, 0), again);
        assertEquals(new PendingSync(claimed.id(), claimed.sync(), 2, 1), third);
    }

    @Test
    void aReleasedEntryIsDueWhenSaidWithoutCountingAnAttempt() {
        ports.workflow().record(change(arrive("fb-1"), ACKNOWLEDGED, null, null, ALICE, true));
        PendingSync claimed = claim(at(60)).get(0);

        ports.outbox().release(claimed.id(), at(65));

        assertEquals(List.of(), claim(at(64)));
        assertEquals(List.of(claimed), claim(at(65)));
    }

    @Test
    void anAbandonedEntryIsNeverHandedOutAgainAndTheFeedbacksNextEntryGoesOn() {
        ports.workflow().record(change(arrive("fb-1"), ACKNOWLEDGED, null, null, ALICE, true));
        WorkflowChange next = change(find("fb-1"), IN_PROGRESS, null, null, ALICE, true);
        ports.workflow().record(next);

        ports.outbox().abandon(claim(at(60)).get(0).id(), at(61), Reason.of("lark.refused", 1, "no permission"));

        PendingSync after = claim(at(62)).get(0);
        assertEquals(next.sync(), after.sync());
        ports.outbox().delivered(after.id(), at(63));
        assertFalse(ports.outbox().hasPending("fb-1"));
        assertEquals(List.of(), claim(at(10_000)));
    }

    @Test
    void theLastTimeLarkTookAStatusOfAFeedbackIsKnown() {
        ports.workflow().record(change(arrive("fb-1"), ACKNOWLEDGED, null, null, ALICE, true));
        ports.workflow().record(change(arrive("fb-2"), ACKNOWLEDGED, null, null, ALICE, true));
        assertEquals(Optional.empty(), ports.outbox().lastDelivered("fb-1"));

        ports.outbox().delivered(claim(at(60)).get(0).id(), at(61));
        ports.workflow().record(change(find("fb-1"), IN_PROGRESS, null, null, ALICE, true));
        ports.outbox().delivered(claim(at(62)).get(0).id(), at(63));

        assertEquals(Optional.of(at(63)), ports.outbox().lastDelivered("fb-1"));
        assertEquals(Optional.empty(), ports.outbox().lastDelivered("fb-2"), "claimed is not delivered");
    }

    @Test
    void workersClaimingTogetherGetEveryEntryOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            ports.workflow().record(change(arrive("fb-" + i), ACKNOWLEDGED, null, null, ALICE, true));
        }
        Instant now = at(1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (List<PendingSync> batch = ports.outbox().claimDue(now, now.plus(LEASE), 3); !batch.isEmpty();
                         batch = ports.outbox().claimDue(now, now.plus(LEASE), 3)) {
                        batch.forEach(p -> mine.add(p.id()));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get(60, TimeUnit.SECONDS));
            }
            assertEquals(40, all.size(), "every entry claimed");
            assertEquals(40, new HashSet<>(all).size(), "no entry claimed twice");
        } finally {
            pool.shutdownNow();
        }
    }

    // --- statuses set in Lark ------------------------------------------------------------------------------

    @Test
    void aLarkEventIsRecordedOnceWithItsChangesAndNothingForLark() {
        TriagedFeedback item = arrive("fb-1");
        WorkflowChange closed = change(item, CLOSED, null, null, Actor.LARK, false);
        EventMeta event = meta("ev-updated", "application.application.feedback.updated_v6", at(60));

        assertEquals(Delivery.NEW, ports.workflow().recordLarkEvent(event, rawEvent("ev-updated"), null, List.of(closed)));
        WorkflowChange again = change(find("fb-1"), ACKNOWLEDGED, null, null, Actor.LARK, false);
        assertEquals(Delivery.DUPLICATE,
                ports.workflow().recordLarkEvent(event, rawEvent("ev-updated"), null, List.of(again)));

        assertEquals(Optional.of(new LedgerEntry(event, LedgerOutcome.STORED)), ports.ledger().entry("ev-updated"));
        assertEquals(CLOSED, find("fb-1").status());
        assertEquals(List.of(closed.entry()), ports.workflow().history("fb-1"));
        assertFalse(ports.outbox().hasPending("fb-1"));
    }

    @Test
    void aLarkEventThatChangesNothingIsStillRecorded() {
        EventMeta event = meta("ev-updated", "application.application.feedback.updated_v6", at(60));

        assertEquals(Delivery.NEW, ports.workflow().recordLarkEvent(event, rawEvent("ev-updated"),
                "not applied to feedback: 1 not in the inbox", List.of()));

        assertEquals(LedgerOutcome.STORED, ports.ledger().entry("ev-updated").orElseThrow().outcome());
    }

    @Test
    void aStatusForFeedbackNotYetArrivedWaitsTheLatestOneWinsAndIsForgottenOnceApplied() {
        EventMeta first = meta("ev-u1", "application.application.feedback.updated_v6", at(60));
        EventMeta later = meta("ev-u2", "application.application.feedback.updated_v6", at(61));

        ports.workflow().recordLarkEvent(first, rawEvent("ev-u1"), "not applied", List.of(),
                new AwaitedStatus(List.of("fb-late", "fb-other"), LarkFeedbackStatus.MARKED));
        ports.workflow().recordLarkEvent(later, rawEvent("ev-u2"), "not applied", List.of(),
                new AwaitedStatus(List.of("fb-late"), LarkFeedbackStatus.PROCESSING));

        assertEquals(Optional.of(LarkFeedbackStatus.PROCESSING), ports.workflow().awaitedStatus("fb-late"));
        assertEquals(Optional.of(LarkFeedbackStatus.MARKED), ports.workflow().awaitedStatus("fb-other"));
        ports.workflow().forgetAwaited("fb-late");
        assertEquals(Optional.empty(), ports.workflow().awaitedStatus("fb-late"));
        assertEquals(Optional.empty(), ports.workflow().awaitedStatus("fb-never"));
    }

    @Test
    void aLarkEventWithAChangeDecidedOnAnOlderVersionWritesNothing() {
        TriagedFeedback moved = arrive("fb-1");
        TriagedFeedback other = arrive("fb-2");
        ports.workflow().record(change(moved, ACKNOWLEDGED, null, null, ALICE, false));
        EventMeta event = meta("ev-updated", "application.application.feedback.updated_v6", at(60));
        List<WorkflowChange> changes = List.of(change(other, CLOSED, null, null, Actor.LARK, false),
                change(moved, CLOSED, null, null, Actor.LARK, false));

        assertThrows(ConcurrentChangeException.class,
                () -> ports.workflow().recordLarkEvent(event, rawEvent("ev-updated"), null, changes));

        assertEquals(Optional.empty(), ports.ledger().entry("ev-updated"));
        assertEquals(other, find("fb-2"));
        assertEquals(List.of(), ports.workflow().history("fb-2"));
    }

    // --- recovered feedback --------------------------------------------------------------------------------

    @Test
    void aRecoveredFeedbackIsStoredWithALedgerEntryMarkedRecovered() {
        TriagedFeedback item = recovered("fb-9", FeedbackStatus.ACKNOWLEDGED);

        assertEquals(Delivery.NEW, ports.recovery().addRecovered(item, "{\"feedback_id\":\"fb-9\"}"));

        assertEquals(item, find("fb-9"));
        assertEquals(Optional.of(new LedgerEntry(item.meta(), LedgerOutcome.RECOVERED)),
                ports.ledger().entry("recovered:fb-9"));
    }

    @Test
    void aRecoveredFeedbackAlreadyInTheInboxOrRecoveredBeforeStoresNothing() {
        TriagedFeedback arrived = arrive("fb-1");

        assertEquals(Delivery.DUPLICATE, ports.recovery().addRecovered(recovered("fb-1", FeedbackStatus.NEW), "{}"));
        assertEquals(Delivery.NEW, ports.recovery().addRecovered(recovered("fb-2", FeedbackStatus.NEW), "{}"));
        assertEquals(Delivery.DUPLICATE, ports.recovery().addRecovered(recovered("fb-2", FeedbackStatus.CLOSED), "{}"));

        assertEquals(arrived, find("fb-1"));
        assertEquals(Optional.empty(), ports.ledger().entry("recovered:fb-1"));
        assertEquals(FeedbackStatus.NEW, find("fb-2").status());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private TriagedFeedback arrive(String feedbackId) {
        TriagedFeedback item = feedback("ev-" + feedbackId, feedbackId, T0.plusSeconds(seconds++));
        assertEquals(Delivery.NEW, ports.inbox().add(item, rawEvent("ev-" + feedbackId)));
        return item;
    }

    private TriagedFeedback find(String feedbackId) {
        return ports.inbox().find(feedbackId).orElseThrow();
    }

    /** Records the change and returns the feedback after it, noting the entry. */
    private TriagedFeedback apply(TriagedFeedback item, FeedbackStatus to, String assignee, String note,
                                  List<HistoryEntry> entries) {
        WorkflowChange change = change(item, to, assignee == null ? item.assignee() : assignee, note, ALICE, false);
        assertTrue(ports.workflow().record(change));
        entries.add(change.entry());
        return find(item.feedback().feedbackId());
    }

    private WorkflowChange change(TriagedFeedback item, FeedbackStatus to, String assignee, String note, Actor actor,
                                  boolean sync) {
        return change(item, to, assignee, item.triage().priority(), note, actor, sync);
    }

    private WorkflowChange change(TriagedFeedback item, FeedbackStatus to, String assignee, Priority priority,
                                  String note, Actor actor, boolean sync) {
        String id = item.feedback().feedbackId();
        Instant at = at(seconds++);
        var entry = new HistoryEntry(id, item.version() + 1, at, actor, item.status(), to, item.assignee(), assignee,
                item.triage().priority(), priority, note);
        return new WorkflowChange(id, item.version(), to, assignee, priority, entry,
                sync ? new StatusSync(id, item.feedback().appId(), LarkFeedbackStatus.of(to), at) : null);
    }

    private static TriagedFeedback recovered(String feedbackId, FeedbackStatus status) {
        var feedback = fault(feedbackId, APP, FaultKind.LAG);
        var meta = new EventMeta("recovered:" + feedbackId, FEEDBACK_CREATED, APP, null, null, T0, Transport.RECOVERY);
        return TriagedFeedback.arrived(meta, feedback, new DefaultTriagePolicy().triage(feedback), status);
    }

    private List<PendingSync> claim(Instant now) {
        return ports.outbox().claimDue(now, now.plus(LEASE), 10);
    }

    private static List<StatusSync> syncs(List<PendingSync> pending) {
        return pending.stream().map(PendingSync::sync).toList();
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
