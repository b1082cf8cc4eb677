package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.fault;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.domain.testing.SampleEvents.suggestion;
import static dev.larkinbox.domain.testing.SampleEvents.triaged;
import static dev.larkinbox.outbound.db.PostgresTestDatabase.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackArrival;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.MatchCount;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.testing.WorkflowPorts;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.WorkflowChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox's counts (the views bar's and the shown filter's), some answered by the tallies (V19, V35), the others
 * read from the feedback up to a cap: each the same as counting the feedback one by one, after every kind of change
 * a person or Lark makes, whether the tallies' changes are folded yet or not.
 */
class ViewCountsTest {
    private static final String APP = "cli_counts";
    private static final Instant T0 = Instant.parse("2024-06-20T12:00:00Z");
    private static final Set<FeedbackStatus> OPEN = Set.of(FeedbackStatus.NEW, FeedbackStatus.ACKNOWLEDGED,
            FeedbackStatus.IN_PROGRESS);
    private static final List<FeedbackFilter> FILTERS = List.of(
            FeedbackFilter.ALL,
            new FeedbackFilter(null, OPEN, Set.of(Priority.P1, Priority.P2), null, FeedbackFilter.NOBODY, null),
            new FeedbackFilter(null, OPEN, Set.of(), null, "ana", null),
            new FeedbackFilter(APP, Set.of(), Set.of(Priority.P1), null, null, null),
            new FeedbackFilter(APP, OPEN, Set.of(), null, FeedbackFilter.NOBODY, null),
            new FeedbackFilter(null, Set.of(FeedbackStatus.RESOLVED), Set.of(), null, null, null),
            new FeedbackFilter(null, Set.of(), Set.of(), FeedbackType.SUGGESTION, null, null),
            new FeedbackFilter(null, Set.of(), Set.of(), null, null, "详细"),
            new FeedbackFilter(null, Set.of(), Set.of(), null, null, "nothing like this"));

    private WorkflowPorts ports;
    private int seconds;

    @BeforeEach
    void emptied() {
        ports = PostgresTestDatabase.emptyWorkflowStore();
    }

    @Test
    void eachCountIsRightAfterNewFeedbackAStatusChangeAnAssignmentAndAPriorityOverride() {
        add(fault("fb-1", APP, FaultKind.CRASH));
        add(fault("fb-2", APP, FaultKind.LAG));
        add(fault("fb-3", "cli_other", FaultKind.CRASH));
        add(suggestion("fb-4", APP));
        assertCountsRight("new feedback");

        change("fb-1", FeedbackStatus.RESOLVED, null, null);
        assertCountsRight("a status change");
        change("fb-2", FeedbackStatus.NEW, "ana", null);
        assertCountsRight("an assignment");
        change("fb-2", FeedbackStatus.ACKNOWLEDGED, "ana", null);
        assertCountsRight("the assigned acknowledged");
        change("fb-4", FeedbackStatus.NEW, null, Priority.P1);
        assertCountsRight("a priority override");
        change("fb-2", FeedbackStatus.IN_PROGRESS, "bo", null);
        assertCountsRight("another assignee");
        change("fb-2", FeedbackStatus.IN_PROGRESS, null, null);
        assertCountsRight("the assignment removed");

        execute(PostgresTestDatabase.context(), "SELECT inbox_tally_fold()");
        assertCountsRight("the tallies' changes folded");
        add(fault("fb-5", APP, FaultKind.FREEZE));
        change("fb-5", FeedbackStatus.NEW, "ana", Priority.P3);
        assertCountsRight("new feedback and a change after the fold");
    }

    @Test
    void aCountPastTheCapSaysMoreOnlyWhereItIsNotTallied() {
        List<CompletableFuture<FeedbackArrival>> arrivals = new ArrayList<>();
        for (int i = 0; i < MatchCount.CAP + 2; i++) {
            String id = "fb-" + i;
            arrivals.add(ports.inbox().addAsync(triaged(meta("ev-" + id, FEEDBACK_CREATED, T0.plusSeconds(i)),
                    fault(id, APP, FaultKind.CRASH), FeedbackStatus.NEW), "{}", false));
        }
        arrivals.forEach(CompletableFuture::join);

        assertEquals(List.of(MatchCount.exact(MatchCount.CAP + 2), MatchCount.exact(MatchCount.CAP + 2),
                        MatchCount.exact(0), new MatchCount(MatchCount.CAP, true), MatchCount.exact(0)),
                ports.inbox().counts(List.of(FILTERS.get(0), FILTERS.get(1), FILTERS.get(2), FILTERS.get(7),
                        FILTERS.get(8))), "all and the unassigned P1/P2 from the tallies, the search up to the cap");
        assertEquals(MatchCount.CAP + 2, ports.inbox().count(FILTERS.get(7)), "a single count is exact");
    }

    private void add(Feedback feedback) {
        ports.inbox().add(triaged(meta("ev-" + feedback.feedbackId(), FEEDBACK_CREATED, T0.plusSeconds(seconds++)),
                feedback, FeedbackStatus.NEW), "{}");
    }

    /** A person's change, as the workflow records it; a null priority keeps the feedback's (an override says why). */
    private void change(String feedbackId, FeedbackStatus to, String assignee, Priority priority) {
        TriagedFeedback item = ports.inbox().find(feedbackId).orElseThrow();
        Priority after = priority == null ? item.triage().priority() : priority;
        var entry = new HistoryEntry(feedbackId, item.version() + 1, T0.plusSeconds(seconds++), Actor.user("lead"),
                item.status(), to, item.assignee(), assignee, item.triage().priority(), after,
                priority == null ? null : "more urgent than it looks");
        ports.workflow().record(new WorkflowChange(feedbackId, item.version(), to, assignee, after, entry, null));
    }

    private void assertCountsRight(String after) {
        List<TriagedFeedback> all;
        try (Stream<TriagedFeedback> stored = ports.inbox().stream(FeedbackFilter.ALL, FeedbackOrder.NEWEST)) {
            all = stored.toList();
        }
        List<MatchCount> expected = FILTERS.stream()
                .map(f -> MatchCount.exact(all.stream().filter(f::matches).count())).toList();
        assertEquals(expected, ports.inbox().counts(FILTERS), "after " + after);
    }
}
