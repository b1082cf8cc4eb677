package dev.larkinbox.domain.workflow;

import static dev.larkinbox.domain.inbox.FeedbackStatus.CLOSED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.inbox.FeedbackStatus.NEW;
import static dev.larkinbox.domain.inbox.FeedbackStatus.RESOLVED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.feedback;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.sync.PendingSync;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.testing.TestClock;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.workflow.BulkOutcome.NotApplied;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One change to many feedback: each through the workflow, the ones it does not apply to reported with why. */
class BulkWorkTest {
    private static final Actor ALICE = Actor.user("alice");

    private final TestClock clock = new TestClock(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final WorkflowService workflow = new WorkflowService(store, store, store, true, clock);
    private final BulkWork bulk = new BulkWork(store, workflow);

    @Test
    void resolvingTicksChangesEachWithItsOwnHistoryAndLarkStatusAndReportsTheRest() {
        arrive(5);
        workflow.work(new WorkFeedbackCommand("fb-3", CLOSED, null, null, null, null, ALICE));
        workflow.work(new WorkFeedbackCommand("fb-4", RESOLVED, null, null, null, null, ALICE));
        store.claimDue(T0.plusSeconds(3600), T0.plusSeconds(7200), 10).forEach(p -> store.delivered(p.id(), T0));
        var command = new BulkChangeCommand(List.of("fb-0", "fb-1", "fb-3", "fb-4", "fb-none"), null, RESOLVED,
                null, null, "fixed in 2.1", ALICE);

        BulkOutcome preview = bulk.preview(command);
        BulkOutcome done = bulk.apply(command);

        assertEquals(preview, done, "the preview says what the change does");
        assertEquals(2, done.changed());
        assertEquals(1, done.unchanged());
        assertEquals(List.of(new NotApplied("fb-3", Reason.of("workflow.only.1", "closed", "acknowledged")),
                new NotApplied("fb-none", Reason.of("workflow.no-such-feedback"))), done.notApplied());
        assertEquals(5, done.selected());
        for (String id : List.of("fb-0", "fb-1")) {
            assertEquals(RESOLVED, store.find(id).orElseThrow().status());
            List<HistoryEntry> history = workflow.history(id);
            assertEquals(1, history.size());
            assertEquals(NEW, history.get(0).from());
            assertEquals("fixed in 2.1", history.get(0).note());
        }
        assertEquals(List.of("fb-0:CLOSED", "fb-1:CLOSED"), store.claimDue(T0.plusSeconds(3600),
                T0.plusSeconds(7200), 10).stream().map(BulkWorkTest::sent).sorted().toList());
        assertEquals(NEW, store.find("fb-2").orElseThrow().status(), "not ticked");
    }

    @Test
    void aPreviewWritesNothing() {
        arrive(2);

        BulkOutcome preview = bulk.preview(new BulkChangeCommand(List.of("fb-0", "fb-1"), null, null, "bob",
                Priority.P2, "a person's call", ALICE));

        assertEquals(2, preview.changed());
        assertEquals(List.of(), workflow.history("fb-0"));
        assertEquals(null, store.find("fb-0").orElseThrow().assignee());
    }

    @Test
    void allMatchingAFilterAreChangedInBatchesAlsoThoseItMovesOutOfTheFilter() {
        int many = BulkWork.BATCH * 2 + 7;
        arrive(many);
        workflow.work(new WorkFeedbackCommand("fb-10", IN_PROGRESS, null, null, null, null, ALICE));
        var newOnes = new FeedbackFilter(null, Set.of(NEW), Set.of(), null, null, null);

        BulkOutcome done = bulk.apply(new BulkChangeCommand(null, newOnes, RESOLVED, "alice", null, null, ALICE));

        assertEquals(many - 1, done.changed());
        assertEquals(0, store.count(newOnes));
        assertEquals(IN_PROGRESS, store.find("fb-10").orElseThrow().status(), "not matching the filter");
        assertEquals("alice", store.find("fb-0").orElseThrow().assignee());
    }

    @Test
    void aCommandThatIsNoBulkChangeIsRefusedBeforeAnythingMoves() {
        var noChange = assertThrows(InvalidCommandException.class, () -> new BulkChangeCommand(List.of("fb-0"), null,
                null, null, null, "a note alone", ALICE));
        assertEquals(Reason.of("command.bulk.needs-change"), noChange.reason());
        assertThrows(IllegalArgumentException.class, () -> new BulkChangeCommand(List.of(), null, RESOLVED, null,
                null, null, ALICE));
        assertThrows(IllegalArgumentException.class, () -> new BulkChangeCommand(List.of("fb-0"),
                FeedbackFilter.ALL, RESOLVED, null, null, null, ALICE));
        var noReason = assertThrows(InvalidCommandException.class, () -> new BulkChangeCommand(List.of("fb-0"),
                null, null, null, Priority.P1, null, ALICE));
        assertEquals("overriding the priority needs a reason", noReason.getMessage());
        assertEquals(Reason.of("command.priority-needs-note"), noReason.reason());
        assertThrows(IllegalArgumentException.class, () -> new BulkChangeCommand(
                IntStream.rangeClosed(0, BulkChangeCommand.MAX_IDS).mapToObj(n -> "fb-" + n).toList(), null,
                RESOLVED, null, null, null, ALICE));
    }

    private void arrive(int count) {
        for (int n = 0; n < count; n++) {
            store.add(feedback("ev-" + n, "fb-" + n, T0.plusSeconds(n)), rawEvent("ev-" + n));
        }
    }

    private static String sent(PendingSync p) {
        return p.sync().feedbackId() + ":" + p.sync().status();
    }
}
