package dev.larkinbox.domain.problem;

import static dev.larkinbox.domain.testing.SampleEvents.APP;
import static dev.larkinbox.domain.testing.SampleEvents.FEEDBACK_CREATED;
import static dev.larkinbox.domain.testing.SampleEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxService;
import dev.larkinbox.domain.inbox.TriageFeedbackCommand;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.testing.InMemoryPeople;
import dev.larkinbox.domain.testing.InMemoryStore;
import dev.larkinbox.domain.testing.TestClock;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.HistoryEntry;
import dev.larkinbox.domain.workflow.ImpossibleTransitionException;
import dev.larkinbox.domain.workflow.WorkflowService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four problem use cases together over one store, as the team meets them. */
class ProblemServiceTest {
    private static final String CART = "pages/cart";
    private static final String PAY = "pages/pay";
    private static final List<String> SLOW_CART = List.of(
            "购物车页面加载很慢，要等十几秒才出来", "购物车页面加载很慢，一直在转圈", "打开购物车页面加载很慢",
            "购物车页面加载太慢了，要等很久", "购物车页面加载很慢，商品列表出不来", "购物车页面一直加载，很慢",
            "购物车页面又加载很慢了");
    private static final Actor ALICE = Actor.user("alice");

    private final TestClock clock = new TestClock(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final InboxService inbox = new InboxService(store, new DefaultTriagePolicy());
    private final WorkflowService workflow = new WorkflowService(store, store, store, false, clock);
    private final GroupNewFeedback grouping = new GroupNewFeedbackService(store.problems(),
            new DefaultGroupingPolicy(), new DefaultSpikePolicy(), SpikeSettings.DEFAULTS.history(), true, clock);
    private final BrowseProblems problems = new BrowseProblemsService(store.problems());
    private final WorkProblem working = new WorkProblemService(store.problems(), store.problems(), workflow);
    private final InMemoryPeople people = new InMemoryPeople();
    private final MergeProblems merging = new MergeProblemsService(store.problems(), store.problems(), people);
    private int received;

    @Test
    void sixSimilarReportsOfASlowCartAndTwoOfAPaymentCrashBecomeTwoProblemsEachSayingWhy() {
        for (int i = 0; i < 6; i++) {
            report("cart-" + i, CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(i), Duration.ofHours(1));
        }
        report("pay-0", PAY, FaultKind.CRASH, "点击支付后应用闪退", Duration.ofHours(1));
        report("pay-1", PAY, FaultKind.CRASH, "支付的时候应用闪退了", Duration.ofHours(1));

        GroupingReport report = grouping.group(new GroupNewFeedbackCommand(100));

        assertEquals(new GroupingReport(false, 8, 2, 0, 0), report);
        assertEquals(List.of("cart-5", "cart-4", "cart-3", "cart-2", "cart-1", "cart-0"), members("pb-cart-0"));
        assertEquals(List.of("pay-1", "pay-0"), members("pb-pay-0"));
        Problem cart = problems.find("pb-cart-0").orElseThrow();
        assertEquals(SLOW_CART.get(0), cart.title());
        assertEquals(6, cart.count());
        assertEquals(List.of(Reason.of("grouping.key", APP, "fault", "slow_page_load", "pages/cart", 1, 1, 1),
                Reason.of("grouping.none-yet")), cart.reasons());
        assertEquals(Priority.P1, problems.find("pb-pay-0").orElseThrow().priority());
        assertEquals(GroupingReport.NOTHING, grouping.group(new GroupNewFeedbackCommand(100)));
    }

    @Test
    void fiveReportsOfANewProblemInTenMinutesSpikeItOneStepUpAnnouncedOnceAndAnHourBelowEndsIt() {
        for (int i = 0; i < 4; i++) {
            report("cart-" + i, CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(i), Duration.ofMinutes(1));
        }
        grouping.group(new GroupNewFeedbackCommand(100));
        Problem calm = problems.find("pb-cart-0").orElseThrow();
        assertFalse(calm.spiking());
        Priority triaged = calm.priority();

        report("cart-4", CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(4), Duration.ofMinutes(1));
        GroupingReport spiked = grouping.group(new GroupNewFeedbackCommand(100));
        report("cart-5", CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(5), Duration.ofMinutes(1));
        grouping.group(new GroupNewFeedbackCommand(100));

        Problem spiking = problems.find("pb-cart-0").orElseThrow();
        assertEquals(1, spiked.spikes());
        assertTrue(spiking.spiking());
        assertEquals(Priority.values()[triaged.ordinal() - 1], spiking.priority());
        assertTrue(spiking.reasons().contains(Reason.of("spike.since", spiking.spikingSince())),
                spiking.reasons().toString());
        assertTrue(spiking.reasons().contains(Reason.of("spike.raises", triaged, spiking.priority())));
        assertEquals(List.of("pb-cart-0:spike"), store.pendingCards());

        clock.advance(Duration.ofMinutes(80));
        grouping.group(new GroupNewFeedbackCommand(100));

        Problem over = problems.find("pb-cart-0").orElseThrow();
        assertFalse(over.spiking());
        assertEquals(triaged, over.priority());
        assertEquals(List.of("pb-cart-0:spike"), store.pendingCards());
    }

    @Test
    void aReportOfAResolvedProblemReopensItAsARegressionWithItsReasonAndACard() {
        report("pay-0", PAY, FaultKind.CRASH, "点击支付后应用闪退", Duration.ofDays(1));
        grouping.group(new GroupNewFeedbackCommand(100));
        for (FeedbackStatus step : List.of(FeedbackStatus.ACKNOWLEDGED, FeedbackStatus.IN_PROGRESS,
                FeedbackStatus.RESOLVED)) {
            working.work(new WorkProblemCommand("pb-pay-0", step, "fixed in 2.3", ALICE));
        }

        report("pay-1", PAY, FaultKind.CRASH, "支付的时候应用闪退了", Duration.ofDays(1));
        GroupingReport report = grouping.group(new GroupNewFeedbackCommand(100));

        Problem reopened = problems.find("pb-pay-0").orElseThrow();
        assertEquals(1, report.regressions());
        assertEquals(FeedbackStatus.ACKNOWLEDGED, reopened.status());
        assertTrue(reopened.regressed());
        assertTrue(reopened.reasons().contains(Reason.of("regression.reopened", "resolved")));
        assertEquals(List.of("pay-1", "pay-0"), members("pb-pay-0"));
        assertEquals(List.of("pb-pay-0:regression"), store.pendingCards());
    }

    @Test
    void workingAProblemMovesEachOpenFeedbackThroughTheWorkflowWithItsOwnHistoryEntry() {
        twoSlowCartReportsGrouped();

        WorkedProblem worked = working.work(new WorkProblemCommand("pb-cart-0", FeedbackStatus.ACKNOWLEDGED,
                "looking", ALICE));

        assertEquals(FeedbackStatus.ACKNOWLEDGED, worked.problem().status());
        assertEquals(List.of("cart-1", "cart-0"), worked.moved());
        List<HistoryEntry> history = workflow.history("cart-0");
        assertEquals(1, history.size());
        assertEquals(ALICE, history.get(0).actor());
        assertEquals("looking", history.get(0).note());
        var refused = assertThrows(ImpossibleTransitionException.class, () -> working.work(
                new WorkProblemCommand("pb-cart-0", FeedbackStatus.NEW, null, ALICE)));
        assertEquals("none of the problem's feedback may move to new (they are acknowledged)",
                refused.getMessage());
        assertThrows(ProblemNotFoundException.class, () -> working.work(
                new WorkProblemCommand("pb-none", FeedbackStatus.RESOLVED, null, ALICE)));
    }

    @Test
    void aProblemOfNewReportsIsResolvedInOneMoveEachReportWithItsOneHistoryEntry() {
        twoSlowCartReportsGrouped();

        WorkedProblem worked = working.work(new WorkProblemCommand("pb-cart-0", FeedbackStatus.RESOLVED,
                "fixed in 2.1", ALICE));

        assertEquals(FeedbackStatus.RESOLVED, worked.problem().status());
        assertEquals(List.of("cart-1", "cart-0"), worked.moved());
        for (String id : worked.moved()) {
            assertEquals(FeedbackStatus.RESOLVED, store.find(id).orElseThrow().status());
            List<HistoryEntry> history = workflow.history(id);
            assertEquals(1, history.size(), id);
            assertEquals(FeedbackStatus.NEW, history.get(0).from());
            assertEquals("fixed in 2.1", history.get(0).note());
        }
    }

    @Test
    void mergingAWronglySplitPairMovesTheReportsIntoOneProblemThatSaysWhoMergedThem() {
        report("cart-0", CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(0), Duration.ofHours(1));
        report("other", CART, FaultKind.SLOW_PAGE_LOAD, "nothing appears but the logo", Duration.ofHours(1));
        grouping.group(new GroupNewFeedbackCommand(100));

        people.save(new Person("ou_alice", "王小明", null, Role.MEMBER));
        Problem merged = merging.merge(new MergeProblemsCommand("pb-other", "pb-cart-0", Actor.user("ou_alice")));

        assertEquals(2, merged.count());
        assertEquals(Reason.of("problem.merged", "pb-other", "王小明"), merged.reasons().get(merged.reasons().size() - 1),
                "who merged them, by name");
        assertEquals("problem pb-other merged into it by 王小明",
                merged.reasons().get(merged.reasons().size() - 1).english());
        assertEquals(List.of("other", "cart-0"), members("pb-cart-0"));
        assertThrows(ProblemNotFoundException.class, () -> merging.merge(
                new MergeProblemsCommand("pb-other", "pb-cart-0", ALICE)));
    }

    @Test
    void duringABurstARoundWaitsUntilTheBurstEndsOrItsOldestReportWaitedTheMaxLag() {
        var paced = new GroupNewFeedbackCommand(1000, new GroupingPace(Duration.ofSeconds(30)));
        report("cart-0", CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(0), Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, grouping.group(paced).grouped(), "a report alone is grouped at once");

        for (int i = 1; i <= GroupingPace.BURST_PER_SECOND; i++) {
            report("cart-" + i, CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(i % 7), Duration.ofMillis(4));
        }
        assertEquals(GroupingReport.NOTHING, grouping.group(paced), "200 in the last second: the round yields");
        assertEquals(1, members("pb-cart-0").size());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(GroupingPace.BURST_PER_SECOND, grouping.group(paced).grouped(), "a second later, all at once");

        report("cart-old", CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(1), Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < GroupingPace.BURST_PER_SECOND; i++) {
            report("cart-burst-" + i, CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(i % 7), Duration.ofMillis(4));
        }
        assertEquals(GroupingPace.BURST_PER_SECOND + 1, grouping.group(paced).grouped(),
                "the burst goes on, but the oldest waited 30 s");
        assertEquals(GroupingPace.BURST_PER_SECOND * 2 + 2, problems.find("pb-cart-0").orElseThrow().count());
    }

    private void report(String feedbackId, String path, FaultKind kind, String description, Duration after) {
        clock.advance(after);
        Feedback feedback = new Feedback(feedbackId, APP, "Acme", UserRef.NONE, FeedbackType.FAULT, List.of(kind),
                null, null, null, description, null, List.of(), path);
        var meta = new EventMeta("ev-" + feedbackId + "-" + received++, FEEDBACK_CREATED, APP, "tenant-" + received,
                null, clock.instant(), Transport.WEBHOOK);
        inbox.triage(new TriageFeedbackCommand(meta, feedback, "{}"));
    }

    private List<String> members(String problemId) {
        return problems.feedback(problemId, PageRequest.first(50)).items().stream()
                .map(f -> f.feedback().feedbackId()).toList();
    }

    /** cart-0 and cart-1, grouped into pb-cart-0. */
    private void twoSlowCartReportsGrouped() {
        report("cart-0", CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(0), Duration.ofHours(1));
        report("cart-1", CART, FaultKind.SLOW_PAGE_LOAD, SLOW_CART.get(1), Duration.ofHours(1));
        grouping.group(new GroupNewFeedbackCommand(100));
    }
}
