package dev.larkinbox.domain.testing;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static dev.larkinbox.domain.testing.SampleEvents.rawEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.card.PendingCard;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.problem.GroupingBacklog;
import dev.larkinbox.domain.problem.GroupingKey;
import dev.larkinbox.domain.problem.GroupingRound;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.problem.ProblemCandidate;
import dev.larkinbox.domain.problem.ProblemFilter;
import dev.larkinbox.domain.problem.ProblemNotFoundException;
import dev.larkinbox.domain.problem.ProblemOrder;
import dev.larkinbox.domain.problem.ProblemPulse;
import dev.larkinbox.domain.problem.Regression;
import dev.larkinbox.domain.problem.Spike;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.triage.Triage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@code ProblemStore} and {@code ProblemBoard} must do, over the inbox of the same
 * store. A subclass supplies a fresh, empty store for each test.
 */
public abstract class ProblemPortsContract {
    private static final List<Reason> STARTED = List.of(
            Reason.of("grouping.key", APP, "fault", "lag", "pages/cart", 1, 1, 1), Reason.of("grouping.none-yet"));
    private static final List<Reason> JOINED = List.of(Reason.of("grouping.alike", "0.80", "pb-1", "0.30"),
            Reason.verbatim("a reason of a team's own policy, \u001F and \\s"));
    private static final List<Reason> NO_SPIKE = List.of(Reason.of("spike.none"));
    private static final List<Reason> SPIKING = List.of(Reason.of("spike.since", "2024-01-01T00:00:20Z"),
            Reason.of("spike.raises", "P2", "P1"));

    protected ProblemPorts ports;

    protected abstract ProblemPorts emptyStore();

    @BeforeEach
    void freshStore() {
        ports = emptyStore();
    }

    @Test
    void aRoundReadsTheFeedbackWithoutAProblemReceivedFirstFirstAndNotAgainOnceAssigned() {
        TriagedFeedback late = arrive("fb-late", "tenant-a", Priority.P2, 20);
        TriagedFeedback early = arrive("fb-early", "tenant-a", Priority.P2, 10);

        assertEquals(List.of("fb-early", "fb-late"), ids(round(r -> r.ungrouped(10))));
        assertEquals(List.of("fb-early"), ids(round(r -> r.ungrouped(1))));
        write(r -> {
            r.start("pb-1", key(), "cart slow", early, STARTED);
            r.assign(early, "pb-1", STARTED);
        });

        assertEquals(List.of("fb-late"), ids(round(r -> r.ungrouped(10))));
        assertEquals("pb-1", ports.inbox().find("fb-early").orElseThrow().problemId());
        assertNull(ports.inbox().find(late.feedback().feedbackId()).orElseThrow().problemId());
    }

    @Test
    void theBacklogIsTheOldestWaitingAndHowManyArrivedSinceUpToTheCountAskedAndNothingOnceAllAreGrouped() {
        assertEquals(Optional.empty(), ports.problems().backlog(T0, 10));
        TriagedFeedback first = arrive("fb-1", "t", Priority.P2, 10);
        arrive("fb-2", "t", Priority.P2, 20);
        arrive("fb-3", "t", Priority.P2, 30);
        TriagedFeedback latest = arrive("fb-4", "t", Priority.P2, 40);

        assertEquals(Optional.of(new GroupingBacklog(at(10), 2)), ports.problems().backlog(at(20), 10),
                "fb-3 and fb-4 arrived after the second 20");
        assertEquals(Optional.of(new GroupingBacklog(at(10), 1)), ports.problems().backlog(at(20), 1));
        write(r -> {
            r.start("pb-1", key(), "cart slow", first, STARTED);
            r.assign(first, "pb-1", STARTED);
        });
        assertEquals(Optional.of(new GroupingBacklog(at(20), 3)), ports.problems().backlog(at(0), 10));
        write(r -> {
            for (TriagedFeedback waiting : r.ungrouped(10)) {
                r.assign(waiting, "pb-1", JOINED);
            }
        });
        assertEquals(Optional.empty(), ports.problems().backlog(latest.meta().receivedAt().minusSeconds(1), 10));
    }

    @Test
    void aSearchFindsAFeedbackByItsDescriptionBeforeAndAfterItIsGrouped() {
        TriagedFeedback waiting = arrive(feedback("fb-waiting", "pages/cart", "购物车白屏 Waiting"), "tenant-a",
                Priority.P2, 10);
        TriagedFeedback grouped = arrive(feedback("fb-grouped", "pages/cart", "购物车白屏 Grouped"), "tenant-a",
                Priority.P2, 20);
        write(r -> {
            r.start("pb-1", key(), "cart blank", grouped, STARTED);
            r.assign(grouped, "pb-1", STARTED);
        });

        assertEquals(List.of("fb-grouped", "fb-waiting"), ids(search("白屏")));
        assertEquals(List.of("fb-grouped"), ids(search("GROUPED")));
        assertEquals(List.of("fb-waiting"), ids(search("屏 w")));
        assertEquals(List.of(), ids(search("白屏 Lost")));

        write(r -> r.assign(waiting, "pb-1", JOINED));

        assertEquals(List.of("fb-grouped", "fb-waiting"), ids(search("白")));
        assertEquals(List.of("fb-waiting"), ids(search("屏 w")));
    }

    @Test
    void theProblemsOfAnAppAndTypeSeenMostRecentlyComeFirstOthersNot() {
        TriagedFeedback cart = arrive("fb-cart", "tenant-a", Priority.P3, 10);
        TriagedFeedback pay = arrive(feedback("fb-pay", "pages/pay", "支付闪退"), "tenant-a", Priority.P3, 30);
        TriagedFeedback home = arrive(feedback("fb-home", "pages/home", "首页很卡"), "tenant-a", Priority.P3, 20);
        write(r -> {
            for (TriagedFeedback first : List.of(cart, pay, home)) {
                String problemId = "pb-" + first.feedback().feedbackId();
                r.start(problemId, GroupingKey.of(first.feedback()), "title", first, STARTED);
                r.assign(first, problemId, STARTED);
            }
        });

        assertEquals(List.of("pb-fb-pay", "pb-fb-home", "pb-fb-cart"), problemIds(
                ports.board().seenRecently(APP, FeedbackType.FAULT, 10)));
        assertEquals(List.of("pb-fb-pay", "pb-fb-home"), problemIds(
                ports.board().seenRecently(APP, FeedbackType.FAULT, 2)));
        assertEquals(List.of(), ports.board().seenRecently(APP, FeedbackType.SUGGESTION, 10));
        assertEquals(List.of(), ports.board().seenRecently("cli_other", FeedbackType.FAULT, 10));
    }

    @Test
    void aProblemCountsItsReportsTheirDistinctTenantsWhenTheyCameAndTheirMostUrgentPriority() {
        TriagedFeedback first = arrive("fb-1", "tenant-a", Priority.P3, 10);
        TriagedFeedback second = arrive("fb-2", "tenant-a", Priority.P2, 30);
        TriagedFeedback third = arrive("fb-3", "tenant-b", Priority.P4, 20);

        write(r -> {
            r.start("pb-1", key(), "cart slow", first, STARTED);
            r.assign(first, "pb-1", STARTED);
            r.assign(second, "pb-1", JOINED);
            r.assign(third, "pb-1", JOINED);
            r.assessed("pb-1", new Spike(false, null, pulse(r, "pb-1", T0).membersPriority(), NO_SPIKE));
        });

        Problem problem = ports.board().find("pb-1").orElseThrow();
        assertEquals(key(), problem.key());
        assertEquals("cart slow", problem.title());
        assertEquals(3, problem.count());
        assertEquals(2, problem.tenants());
        assertEquals(at(10), problem.firstSeen());
        assertEquals(at(30), problem.lastSeen());
        assertEquals(FeedbackStatus.NEW, problem.status());
        assertEquals(Priority.P2, problem.priority());
        assertFalse(problem.spiking());
        assertFalse(problem.regressed());
        assertEquals(STARTED, problem.reasons());
        assertEquals(List.of("fb-2", "fb-3", "fb-1"), ids(ports.board().feedback("pb-1", PageRequest.first(10))
                .items()));
    }

    @Test
    void aLaterRoundCountsOnlyItsNewReportsAndTenantsAndAReportAssignedAgainStaysCountedOnce() {
        TriagedFeedback first = arrive("fb-1", "tenant-a", Priority.P3, 10);
        TriagedFeedback again = arrive("fb-2", "tenant-a", Priority.P3, 20);
        TriagedFeedback other = arrive("fb-3", "tenant-b", Priority.P3, 30);
        TriagedFeedback alsoOther = arrive("fb-4", "tenant-b", Priority.P1, 40);
        write(r -> {
            r.start("pb-1", key(), "cart slow", first, STARTED);
            r.assign(first, "pb-1", STARTED);
        });

        write(r -> {
            r.assign(first, "pb-1", JOINED);
            r.assign(again, "pb-1", JOINED);
            r.assign(other, "pb-1", JOINED);
            r.assign(alsoOther, "pb-1", JOINED);
        });

        Problem problem = ports.board().find("pb-1").orElseThrow();
        assertEquals(4, problem.count());
        assertEquals(2, problem.tenants(), "tenant-a from the first round, tenant-b once");
        assertEquals(at(10), problem.firstSeen());
        assertEquals(at(40), problem.lastSeen());
        assertEquals(Priority.P1, round(r -> pulse(r, "pb-1", T0)).membersPriority());
        assertEquals(4, round(r -> pulse(r, "pb-1", T0)).reports().total());
    }

    @Test
    void theCandidatesAreTheProblemsOfTheKeysSeenMostRecentlyFirstAsTheirFirstReportDescribesThem() {
        TriagedFeedback older = arrive("fb-1", "t", Priority.P2, 10);
        TriagedFeedback newer = arrive("fb-2", "t", Priority.P2, 20);
        TriagedFeedback otherPath = arrive(feedback("fb-3", "other/page", "another page"), "t", Priority.P2, 30);
        write(r -> {
            r.start("pb-old", key(), "t", older, STARTED);
            r.assign(older, "pb-old", STARTED);
            r.start("pb-new", key(), "t", newer, STARTED);
            r.assign(newer, "pb-new", STARTED);
            r.start("pb-other", GroupingKey.of(otherPath.feedback()), "t", otherPath, STARTED);
            r.assign(otherPath, "pb-other", STARTED);
        });

        List<ProblemCandidate> candidates = round(r -> r.candidates(Set.of(key())));

        assertEquals(List.of("pb-new", "pb-old"), candidates.stream().map(ProblemCandidate::problemId).toList());
        assertEquals(newer.feedback().description(), candidates.get(0).description());
        assertEquals(FeedbackStatus.NEW, candidates.get(0).status());
        assertEquals(List.of(), round(r -> r.candidates(Set.of(new GroupingKey("cli_other", FeedbackType.FAULT,
                Set.of(FaultKind.LAG), "pages/cart")))));
    }

    @Test
    void aReopenedProblemIsRegressedWithItsReasonAndASpikeRaisesItsPriorityWithItsReasonsUntilItEnds() {
        TriagedFeedback first = arrive("fb-1", "t", Priority.P2, 10);
        TriagedFeedback second = arrive("fb-2", "t", Priority.P2, 20);
        write(r -> {
            r.start("pb-1", key(), "t", first, STARTED);
            r.assign(first, "pb-1", STARTED);
        });
        ports.problems().moveTo("pb-1", FeedbackStatus.RESOLVED);
        assertEquals(FeedbackStatus.RESOLVED, round(r -> r.candidates(Set.of(key()))).get(0).status());

        Regression regression = Regression.onNewReport(round(r -> r.candidates(Set.of(key()))).get(0)).orElseThrow();
        write(r -> {
            r.assign(second, "pb-1", JOINED);
            r.reopen("pb-1", regression);
            r.assessed("pb-1", new Spike(true, at(20), Priority.P1, SPIKING));
        });

        Problem spiking = ports.board().find("pb-1").orElseThrow();
        assertEquals(FeedbackStatus.ACKNOWLEDGED, spiking.status());
        assertTrue(spiking.regressed());
        assertEquals(at(20), spiking.spikingSince());
        assertEquals(Priority.P1, spiking.priority());
        assertEquals(List.of(STARTED.get(0), STARTED.get(1), regression.reason(), SPIKING.get(0), SPIKING.get(1)),
                spiking.reasons());
        assertEquals(List.of("pb-1"), round(r -> r.spiking(10)));
        ProblemPulse pulse = round(r -> pulse(r, "pb-1", at(15)));
        assertEquals(Priority.P2, pulse.membersPriority());
        assertEquals(at(20), pulse.spikingSince());
        // a store may give the report times to the second
        assertEquals(List.of(at(20).truncatedTo(ChronoUnit.SECONDS)),
                pulse.reports().at().keySet().stream().map(t -> t.truncatedTo(ChronoUnit.SECONDS)).toList());

        write(r -> r.assessed("pb-1", new Spike(false, null, Priority.P2, NO_SPIKE)));

        Problem calm = ports.board().find("pb-1").orElseThrow();
        assertFalse(calm.spiking());
        assertEquals(Priority.P2, calm.priority());
        assertEquals(List.of(STARTED.get(0), STARTED.get(1), regression.reason()), calm.reasons());
        assertEquals(List.of(), round(r -> r.spiking(10)));
    }

    @Test
    void aRoundReadsThePulsesOfManyProblemsAtOnceEachReportCountedOnceAndAMergeCarriesThemAlong() {
        TriagedFeedback first = arrive("fb-1", "t", Priority.P3, 10);
        TriagedFeedback sameSecond = arriveAt("fb-2", T0.plusSeconds(10).plusMillis(400));
        TriagedFeedback later = arrive("fb-3", "t", Priority.P2, 30);
        TriagedFeedback other = arrive("fb-4", "t", Priority.P1, 40);
        write(r -> {
            r.start("pb-1", key(), "t", first, STARTED);
            r.assign(first, "pb-1", STARTED);
            r.assign(sameSecond, "pb-1", JOINED);
            r.assign(later, "pb-1", JOINED);
            r.start("pb-2", key(), "t", other, STARTED);
            r.assign(other, "pb-2", STARTED);
        });

        var pulses = round(r -> r.pulses(Set.of("pb-1", "pb-2", "pb-none"), at(5)));

        assertEquals(Set.of("pb-1", "pb-2"), pulses.keySet());
        assertEquals(3, pulses.get("pb-1").reports().total());
        Instant second = at(10).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(2, pulses.get("pb-1").reports().at().subMap(second, true, second.plusSeconds(1), false).values()
                .stream().mapToInt(Integer::intValue).sum(), "two reports in the second at 10, to the second or not");
        assertEquals(Priority.P2, pulses.get("pb-1").membersPriority());
        assertEquals(1, round(r -> pulse(r, "pb-1", at(20))).reports().total(), "those since then only");
        assertEquals(Priority.P1, pulses.get("pb-2").membersPriority());

        assertTrue(ports.problems().merge("pb-2", "pb-1", Reason.of("problem.merged", "pb-2", "alice")));

        ProblemPulse merged = round(r -> pulse(r, "pb-1", at(5)));
        assertEquals(4, merged.reports().total());
        assertEquals(Priority.P1, merged.membersPriority());
    }

    @Test
    void theSpikingProblemsComeAssessedLongestAgoFirstAsManyAsAsked() {
        for (String id : List.of("a", "b", "c")) {
            TriagedFeedback report = arrive("fb-" + id, "t", Priority.P2, 10);
            write(r -> {
                r.start("pb-" + id, key(), "t", report, STARTED);
                r.assign(report, "pb-" + id, STARTED);
            });
        }
        for (String id : List.of("b", "a", "c")) {
            write(r -> r.assessed("pb-" + id, new Spike(true, at(10), Priority.P1, SPIKING)));
        }

        assertEquals(List.of("pb-b", "pb-a"), round(r -> r.spiking(2)));
        write(r -> r.assessed("pb-b", new Spike(true, at(10), Priority.P1, SPIKING)));
        write(r -> r.assessed("pb-c", new Spike(false, null, Priority.P2, NO_SPIKE)));
        assertEquals(List.of("pb-a", "pb-b"), round(r -> r.spiking(10)));
    }

    @Test
    void aSpikeIsAnnouncedOnceWhateverAsksAgainAndARegressionByItsReport() {
        TriagedFeedback first = arrive("fb-1", "t", Priority.P2, 10);
        write(r -> {
            r.start("pb-1", key(), "t", first, STARTED);
            r.assign(first, "pb-1", STARTED);
            r.announceSpike("pb-1", at(10));
            r.announceSpike("pb-1", at(10));
            r.announceRegression("pb-1", first);
        });

        List<PendingCard> due = ports.cards().claimDue(at(3600), at(3700), 10);

        assertEquals(List.of(PendingCard.Kind.SPIKE, PendingCard.Kind.REGRESSION),
                due.stream().map(PendingCard::kind).toList());
        assertEquals("pb-1", due.get(0).problemId());
        assertEquals(at(10).toString(), due.get(0).occasion());
        assertEquals("fb-1", due.get(1).occasion());
    }

    @Test
    void theBoardFiltersByAppStatusPriorityAndSpikingAndOrdersByLastSeenOrCountPageByPage() {
        List<TriagedFeedback> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.add(arrive("fb-m" + i, "t", Priority.P3, 10 + i));
        }
        TriagedFeedback lone = arrive("fb-lone", "t", Priority.P1, 50);
        write(r -> {
            r.start("pb-many", key(), "t", many.get(0), STARTED);
            many.forEach(f -> r.assign(f, "pb-many", STARTED));
            r.assessed("pb-many", new Spike(true, at(12), Priority.P2, SPIKING));
            r.start("pb-lone", key(), "t", lone, STARTED);
            r.assign(lone, "pb-lone", STARTED);
            r.assessed("pb-lone", new Spike(false, null, Priority.P1, NO_SPIKE));
        });
        ports.problems().moveTo("pb-lone", FeedbackStatus.IN_PROGRESS);

        assertEquals(List.of("pb-lone", "pb-many"), problemIds(ProblemFilter.ALL, ProblemOrder.LAST_SEEN));
        assertEquals(List.of("pb-many", "pb-lone"), problemIds(ProblemFilter.ALL, ProblemOrder.COUNT));
        assertEquals(List.of("pb-many"), problemIds(new ProblemFilter(null, Set.of(), Set.of(), true),
                ProblemOrder.LAST_SEEN));
        assertEquals(List.of("pb-lone"), problemIds(new ProblemFilter(APP, Set.of(FeedbackStatus.IN_PROGRESS),
                Set.of(Priority.P1), false), ProblemOrder.LAST_SEEN));
        assertEquals(List.of(), problemIds(new ProblemFilter("cli_other", Set.of(), Set.of(), null),
                ProblemOrder.LAST_SEEN));

        Page<Problem> first = ports.board().list(ProblemFilter.ALL, ProblemOrder.COUNT, PageRequest.first(1));
        Page<Problem> second = ports.board().list(ProblemFilter.ALL, ProblemOrder.COUNT,
                new PageRequest(1, first.nextCursor()));
        assertEquals("pb-many", first.items().get(0).problemId());
        assertEquals(List.of("pb-lone"), second.items().stream().map(Problem::problemId).toList());
        assertNull(second.nextCursor());
    }

    @Test
    void aProblemsFeedbackComesNewestFirstPageByPageAndAnUnknownProblemHasNone() {
        List<TriagedFeedback> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(arrive("fb-" + i, "t", Priority.P2, 10 + i));
        }
        write(r -> {
            r.start("pb-1", key(), "t", members.get(0), STARTED);
            members.forEach(f -> r.assign(f, "pb-1", STARTED));
        });

        Page<TriagedFeedback> first = ports.board().feedback("pb-1", PageRequest.first(2));
        Page<TriagedFeedback> rest = ports.board().feedback("pb-1", new PageRequest(2, first.nextCursor()));

        assertEquals(List.of("fb-2", "fb-1"), ids(first.items()));
        assertEquals(List.of("fb-0"), ids(rest.items()));
        assertNull(rest.nextCursor());
        assertThrows(ProblemNotFoundException.class, () -> ports.board().feedback("pb-none", PageRequest.first(2)));
        assertEquals(Optional.empty(), ports.board().find("pb-none"));
    }

    @Test
    void aMergeMovesEveryReportIntoTheOtherProblemWhichKeepsTheReasonAndTheFirstIsGone() {
        TriagedFeedback a = arrive("fb-a", "tenant-a", Priority.P3, 10);
        TriagedFeedback b = arrive("fb-b", "tenant-b", Priority.P1, 20);
        write(r -> {
            r.start("pb-a", key(), "a", a, STARTED);
            r.assign(a, "pb-a", STARTED);
            r.start("pb-b", key(), "b", b, STARTED);
            r.assign(b, "pb-b", STARTED);
            r.assessed("pb-a", new Spike(false, null, Priority.P3, NO_SPIKE));
            r.assessed("pb-b", new Spike(false, null, Priority.P1, NO_SPIKE));
        });

        Reason byAlice = Reason.of("problem.merged", "pb-b", "王小明");
        assertTrue(ports.problems().merge("pb-b", "pb-a", byAlice));

        Problem merged = ports.board().find("pb-a").orElseThrow();
        assertEquals(2, merged.count());
        assertEquals(2, merged.tenants());
        assertEquals(at(20), merged.lastSeen());
        assertEquals(Priority.P1, merged.priority());
        assertEquals(List.of(STARTED.get(0), STARTED.get(1), byAlice), merged.reasons());
        assertEquals("a", merged.title());
        assertEquals(Optional.empty(), ports.board().find("pb-b"));
        assertEquals("pb-a", ports.inbox().find("fb-b").orElseThrow().problemId());
        assertFalse(ports.problems().merge("pb-b", "pb-a", byAlice));
        assertFalse(ports.problems().moveTo("pb-b", FeedbackStatus.RESOLVED));
    }

    @Test
    void aRoundStartedWhileAnotherRunsIsSkipped() throws Exception {
        arrive("fb-1", "t", Priority.P2, 10);
        CountDownLatch inRound = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Optional<Integer>> first = CompletableFuture.supplyAsync(() ->
                ports.problems().groupAlone(r -> {
                    inRound.countDown();
                    await(finish);
                    return r.ungrouped(10).size();
                }));
        assertTrue(inRound.await(30, TimeUnit.SECONDS));

        Optional<Integer> second = ports.problems().groupAlone(r -> r.ungrouped(10).size());
        finish.countDown();

        assertEquals(Optional.empty(), second);
        assertEquals(Optional.of(1), first.get(30, TimeUnit.SECONDS));
        assertEquals(Optional.of(1), ports.problems().groupAlone(r -> r.ungrouped(10).size()));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProblemPulse pulse(GroupingRound round, String problemId, Instant since) {
        return round.pulses(Set.of(problemId), since).get(problemId);
    }

    private <T> T round(java.util.function.Function<GroupingRound, T> work) {
        return ports.problems().groupAlone(work).orElseThrow();
    }

    private void write(Consumer<GroupingRound> work) {
        round(r -> {
            work.accept(r);
            return true;
        });
    }

    protected static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    protected static GroupingKey key() {
        return GroupingKey.of(feedback("any", "pages/cart", "").feedback());
    }

    private static TriagedFeedback feedback(String feedbackId, String path, String description) {
        Feedback feedback = new Feedback(feedbackId, APP, "Acme", UserRef.NONE, FeedbackType.FAULT,
                List.of(FaultKind.LAG), null, null, null, description, null, List.of(), path);
        return TriagedFeedback.arrived(meta(feedbackId, "t", 0), feedback,
                new Triage(Priority.P2, "performance", List.of(Reason.of("triage.fault-kind", "lag", "P2", "performance"))), FeedbackStatus.NEW);
    }

    private static EventMeta meta(String feedbackId, String tenant, int seconds) {
        return new EventMeta("ev-" + feedbackId, FEEDBACK_CREATED, APP, tenant, null, at(seconds), Transport.WEBHOOK);
    }

    private TriagedFeedback arrive(String feedbackId, String tenant, Priority priority, int seconds) {
        return arrive(feedback(feedbackId, "pages/cart", "购物车加载很慢 " + feedbackId), tenant, priority, seconds);
    }

    private TriagedFeedback arrive(TriagedFeedback template, String tenant, Priority priority, int seconds) {
        return arrive(template, meta(template.feedback().feedbackId(), tenant, seconds), priority);
    }

    /** A report at an instant within a second. */
    private TriagedFeedback arriveAt(String feedbackId, Instant receivedAt) {
        EventMeta meta = new EventMeta("ev-" + feedbackId, FEEDBACK_CREATED, APP, "t", null, receivedAt,
                Transport.WEBHOOK);
        return arrive(feedback(feedbackId, "pages/cart", "购物车加载很慢 " + feedbackId), meta, Priority.P3);
    }

    private TriagedFeedback arrive(TriagedFeedback template, EventMeta meta, Priority priority) {
        TriagedFeedback item = TriagedFeedback.arrived(meta, template.feedback(),
                new Triage(priority, "performance", List.of(Reason.of("triage.fault-kind", "lag", "P2", "performance"))), FeedbackStatus.NEW);
        ports.inbox().add(item, rawEvent(item.meta().eventId()));
        return item;
    }

    private List<TriagedFeedback> search(String text) {
        return ports.inbox().list(new FeedbackFilter(null, Set.of(), Set.of(), null, null, text),
                FeedbackOrder.NEWEST, PageRequest.first(10)).items();
    }

    private static List<String> problemIds(List<Problem> problems) {
        return problems.stream().map(Problem::problemId).toList();
    }

    private static List<String> ids(List<TriagedFeedback> items) {
        return items.stream().map(f -> f.feedback().feedbackId()).toList();
    }

    private List<String> problemIds(ProblemFilter filter, ProblemOrder order) {
        return ports.board().list(filter, order, PageRequest.first(10)).items().stream().map(Problem::problemId)
                .toList();
    }
}
