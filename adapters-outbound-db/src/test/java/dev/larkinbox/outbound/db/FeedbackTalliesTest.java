package dev.larkinbox.outbound.db;

import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.fault;
import static dev.larkinbox.domain.testing.SampleEvents.meta;
import static dev.larkinbox.outbound.db.PostgresTestDatabase.execute;
import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackArrival;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.inbox.SummaryWindow;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.release.ReleaseProblem;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;
import dev.larkinbox.outbound.db.release.PostgresReleases;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's counts, kept by the database as feedback is written (V19): each feedback counted once however
 * often its event comes and however many writers store at once, moved when its status or priority changes; and the
 * reads of a release's page.
 */
class FeedbackTalliesTest {
    private static final String APP = "cli_tally";
    private static final Instant NOW = Instant.parse("2024-06-20T12:00:00Z");

    private ApplicationContext ctx;
    private FeedbackInbox inbox;

    @BeforeEach
    void emptied() {
        inbox = PostgresTestDatabase.emptyStore().inbox();
        ctx = PostgresTestDatabase.context();
    }

    @Test
    void anEventDeliveredAgainCountsNothingMore() {
        TriagedFeedback crash = feedback("ev-1", "fb-1", APP, Priority.P1, FeedbackStatus.NEW, NOW.minusSeconds(60));
        assertEquals(Delivery.NEW, inbox.add(crash, "{}"));
        assertEquals(Delivery.DUPLICATE, inbox.add(crash, "{}"), "the same event again");
        assertEquals(Delivery.DUPLICATE, inbox.addAsync(crash, "{}", false).join().delivery());
        TriagedFeedback sameFeedback = feedback("ev-2", "fb-1", APP, Priority.P1, FeedbackStatus.NEW,
                NOW.minusSeconds(30));
        assertEquals(Delivery.DUPLICATE, inbox.add(sameFeedback, "{}"), "the same feedback under another event");

        InboxSummary summary = inbox.summarize(new SummaryWindow(NOW, 7));

        assertEquals(1L, summary.days().get(6).byPriority().get(Priority.P1));
        assertEquals(1L, summary.days().stream().mapToLong(InboxSummary.Day::total).sum());
        assertEquals(Map.of(FaultKind.CRASH, 1L), summary.faultKinds());
        assertEquals(1L, summary.openByAge().get(InboxSummary.Age.UNDER_A_DAY));
    }

    @Test
    void writersStoringAtOnceEachCountEveryFeedbackOnce() throws Exception {
        // the group commit's two committers, and a second writer on a connection of its own as another instance is
        List<CompletableFuture<FeedbackArrival>> arrivals = new ArrayList<>();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> secondInstance = other.submit(() -> {
                for (int batch = 0; batch < 40; batch++) {
                    execute(ctx, "INSERT INTO event_ledger (event_id, event_type, app_id, transport, received_at, "
                            + "outcome) SELECT 'ev-b" + batch + "-' || i, '" + FEEDBACK_CREATED + "', 'cli_b', "
                            + "'webhook', TIMESTAMPTZ '2024-06-18 10:00Z' + i * interval '1 hour', 'stored' "
                            + "FROM generate_series(1, 10) i; "
                            + "INSERT INTO feedback (feedback_id, event_id, app_id, feedback_type, fault_types, "
                            + "images, priority, category, reasons, status, received_at, raw_event) "
                            + "SELECT 'fb-b" + batch + "-' || i, 'ev-b" + batch + "-' || i, 'cli_b', 1, '{2}', '{}', "
                            + "'P' || (1 + i % 4), 'stability', '{}', 'new', "
                            + "TIMESTAMPTZ '2024-06-18 10:00Z' + i * interval '1 hour', '{}' FROM generate_series(1, 10) i");
                }
            });
            for (int i = 0; i < 600; i++) {
                Priority priority = Priority.values()[i % 4];
                arrivals.add(inbox.addAsync(feedback("ev-a" + i, "fb-a" + i, i % 3 == 0 ? "cli_c" : APP, priority,
                        FeedbackStatus.NEW, NOW.minus(Duration.ofHours(i % 100))), "{}", false));
            }
            secondInstance.get();
        } finally {
            other.shutdown();
        }
        arrivals.forEach(CompletableFuture::join);

        assertEquals(countedFromTheFeedback(), countedFromTheSummary(), "before the changes are folded");
        execute(ctx, "SELECT inbox_tally_fold()");
        assertEquals("0", queryText(ctx, "SELECT count(*) FROM feedback_tally_change"));
        assertEquals(countedFromTheFeedback(), countedFromTheSummary(), "after");
        assertEquals("1000", queryText(ctx, "SELECT sum(n) FROM feedback_tally"));
        InboxSummary cliB = inbox.summarize(new SummaryWindow(NOW, 7, "cli_b"));
        assertEquals(Map.of(FaultKind.ofCode(2), 400L), cliB.faultKinds(), "the app filter counts that app's alone");
    }

    @Test
    void aChangeOfStatusOrPriorityMovesTheFeedbackBetweenTheCounts() {
        inbox.add(feedback("ev-1", "fb-1", APP, Priority.P3, FeedbackStatus.NEW, NOW.minus(Duration.ofDays(3))), "{}");
        inbox.add(feedback("ev-2", "fb-2", APP, Priority.P3, FeedbackStatus.NEW, NOW.minus(Duration.ofDays(3))), "{}");
        inbox.add(feedback("ev-3", "fb-3", APP, Priority.P2, FeedbackStatus.NEW, NOW.minus(Duration.ofHours(30))),
                "{}");

        execute(ctx, "UPDATE feedback SET status = 'resolved' WHERE feedback_id = 'fb-1'");
        execute(ctx, "UPDATE feedback SET priority = 'P1' WHERE feedback_id = 'fb-2'");
        execute(ctx, "UPDATE feedback SET assignee = 'ana' WHERE feedback_id = 'fb-3'"); // not what it is counted by

        InboxSummary summary = inbox.summarize(new SummaryWindow(NOW, 7));
        LocalDate threeDaysAgo = LocalDate.ofInstant(NOW.minus(Duration.ofDays(3)), ZoneOffset.UTC);
        InboxSummary.Day day = summary.days().stream().filter(d -> d.day().equals(threeDaysAgo)).findFirst()
                .orElseThrow();
        assertEquals(Map.of(Priority.P1, 1L, Priority.P2, 0L, Priority.P3, 1L, Priority.P4, 0L), day.byPriority());
        assertEquals(Map.of(InboxSummary.Age.UNDER_A_DAY, 0L, InboxSummary.Age.UNDER_A_WEEK, 2L,
                InboxSummary.Age.UNDER_A_MONTH, 0L, InboxSummary.Age.OLDER, 0L), summary.openByAge());
        assertEquals(countedFromTheFeedback(), countedFromTheSummary());
    }

    @Test
    void anAgeBeginsAtItsMomentNotAtMidnight() {
        // a day and a minute before now, and a minute less than a day: the same UTC day, two ages
        inbox.add(feedback("ev-1", "fb-1", APP, Priority.P3, FeedbackStatus.NEW,
                NOW.minus(Duration.ofDays(1)).minusSeconds(60)), "{}");
        inbox.add(feedback("ev-2", "fb-2", APP, Priority.P3, FeedbackStatus.NEW,
                NOW.minus(Duration.ofDays(1)).plusSeconds(60)), "{}");

        assertEquals(Map.of(InboxSummary.Age.UNDER_A_DAY, 1L, InboxSummary.Age.UNDER_A_WEEK, 1L,
                        InboxSummary.Age.UNDER_A_MONTH, 0L, InboxSummary.Age.OLDER, 0L),
                inbox.summarize(new SummaryWindow(NOW, 7)).openByAge());
    }

    @Test
    void aSearchThatMatchesNothingFindsNothingHoweverOftenItIsAsked() {
        for (int i = 0; i < 30; i++) {
            inbox.add(feedback("ev-" + i, "fb-" + i, APP, Priority.P3, FeedbackStatus.NEW, NOW.plusSeconds(i)), "{}");
        }
        // PostgreSQL may plan a statement once for every value after five runs: ask more often than that
        for (int i = 0; i < 12; i++) {
            assertEquals(List.of(), search("nothing like this " + i));
            assertEquals(30, search("详细").size(), "every feedback through the description index");
        }
        execute(ctx, "UPDATE feedback SET priority = 'P1' WHERE feedback_id IN ('fb-3', 'fb-29')");
        List<String> byPriority = new ArrayList<>();
        String cursor = null;
        do { // pages of 7, in order across the pages
            var page = inbox.list(new FeedbackFilter(null, Set.of(), Set.of(), null, null, "详细"),
                    FeedbackOrder.PRIORITY, new PageRequest(7, cursor));
            page.items().forEach(f -> byPriority.add(f.feedback().feedbackId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(30, byPriority.size());
        assertEquals(List.of("fb-29", "fb-3", "fb-28", "fb-27"), byPriority.subList(0, 4), "P1 first, newest first");
    }

    @Test
    void aReleaseReadsTheAppsProblemsFirstSeenAndReopenedInItsTime() {
        Instant from = Instant.parse("2024-06-10T00:00:00Z");
        for (int i = 0; i < 4; i++) {
            inbox.add(feedback("ev-" + i, "fb-" + i, i == 3 ? "cli_other" : APP, Priority.P2, FeedbackStatus.NEW,
                    from.plus(Duration.ofDays(i * 2L - 1))), "{}");
        }
        execute(ctx, "INSERT INTO problem (problem_id, app_id, feedback_type, fault_types, first_feedback_id, title, "
                + "report_count, first_seen, last_seen, status, members_priority, priority, reasons) "
                + "SELECT 'pb-' || i, f.app_id, 1, '{1}', f.feedback_id, 'Crash ' || i, 1, f.received_at, "
                + "f.received_at, 'resolved', 'P2', 'P2', '{x}' "
                + "FROM feedback f, CAST(substr(f.feedback_id, 4) AS int) i");
        execute(ctx, "UPDATE problem SET status = 'acknowledged', regression = 'reported again after it was resolved'"
                + " WHERE problem_id = 'pb-0'");
        PostgresReleases releases = ctx.getBean(PostgresReleases.class);

        List<ReleaseProblem> firstSeen = releases.firstSeen(APP, from, from.plus(Duration.ofDays(4)), 10);
        assertEquals(List.of("pb-1", "pb-2"), firstSeen.stream().map(ReleaseProblem::problemId).toList(),
                "pb-0 came before, pb-3 is another app's");
        assertEquals("Crash 1", firstSeen.get(0).title());
        List<ReleaseProblem> regressed = releases.regressed(APP, from, Instant.now().plusSeconds(60), 10);
        assertEquals(List.of("pb-0"), regressed.stream().map(ReleaseProblem::problemId).toList());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, regressed.get(0).status());
        assertEquals(List.of(), releases.regressed(APP, from, from.plus(Duration.ofDays(4)), 10),
                "reopened now, not then");
        assertEquals(List.of(1L, 0L, 1L, 0L), releases.perDay(APP, LocalDate.parse("2024-06-09"),
                LocalDate.parse("2024-06-12")).stream().map(InboxSummary.Day::total).toList());
    }

    private List<TriagedFeedback> search(String text) {
        return inbox.list(new FeedbackFilter(null, Set.of(), Set.of(), null, null, text), FeedbackOrder.NEWEST,
                PageRequest.first(50)).items();
    }

    private static TriagedFeedback feedback(String eventId, String feedbackId, String app, Priority priority,
                                            FeedbackStatus status, Instant receivedAt) {
        return TriagedFeedback.arrived(meta(eventId, FEEDBACK_CREATED, receivedAt),
                fault(feedbackId, app, FaultKind.CRASH),
                new Triage(priority, "stability", List.of(Reason.verbatim("a crash"))),
                status);
    }

    /** Each day's feedback by priority, and the open feedback, counted from the feedback itself. */
    private String countedFromTheFeedback() {
        return queryText(ctx, "SELECT string_agg(c, ' ' ORDER BY c) FROM ("
                + "SELECT CAST(received_at AT TIME ZONE 'UTC' AS date) || ':' || priority || '=' || count(*) AS c "
                + "FROM feedback GROUP BY CAST(received_at AT TIME ZONE 'UTC' AS date), priority UNION ALL "
                + "SELECT 'open=' || count(*) FROM feedback WHERE status IN ('new', 'acknowledged', 'in_progress')) t");
    }

    private String countedFromTheSummary() {
        InboxSummary summary = inbox.summarize(new SummaryWindow(NOW, 7));
        List<String> counts = new ArrayList<>();
        for (InboxSummary.Day day : summary.days()) {
            day.byPriority().forEach((p, n) -> {
                if (n > 0) {
                    counts.add(day.day() + ":" + p + "=" + n);
                }
            });
        }
        counts.add("open=" + summary.openByAge().values().stream().mapToLong(Long::longValue).sum());
        return counts.stream().sorted().collect(Collectors.joining(" "));
    }
}
