package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DefaultGroupingPolicyTest {
    private final GroupingPolicy policy = new DefaultGroupingPolicy();

    private static Feedback fault(String appId, String description, String path, FaultKind... kinds) {
        return new Feedback("fb-new", appId, null, null, FeedbackType.FAULT, List.of(kinds), null, null, null,
                description, null, null, path);
    }

    private static Feedback suggestion(String description, String path) {
        return new Feedback("fb-new", "cli_app", null, null, FeedbackType.SUGGESTION, List.of(), null, null, null,
                description, null, null, path);
    }

    private static ProblemCandidate problem(String id, Feedback first) {
        return new ProblemCandidate(id, GroupingKey.of(first), first.description(), FeedbackStatus.NEW);
    }

    @Test
    void aSimilarChineseReportOfTheSameFaultOnTheSamePageJoinsItsProblemAndSaysWhy() {
        ProblemCandidate cart = problem("p-cart", fault("cli_app", "购物车页面打开特别慢，要等十几秒", "/cart", FaultKind.SLOW_PAGE_LOAD));

        Grouping grouping = policy.group(fault("cli_app", "购物车页面加载慢，经常卡住", "/cart", FaultKind.SLOW_PAGE_LOAD),
                List.of(cart));

        Grouping.Joins joins = assertInstanceOf(Grouping.Joins.class, grouping);
        assertEquals("p-cart", joins.problem().problemId());
        assertEquals(Reason.of("grouping.key", "cli_app", "fault", "slow_page_load", "/cart", 1, 1, 1),
                joins.reasons().get(0));
        assertEquals("grouped by app cli_app, type fault, fault kinds [slow_page_load] and path /cart",
                joins.reasons().get(0).english());
        assertEquals("按应用 cli_app、类型故障、故障类型 [页面加载慢]、路径 /cart归类",
                joins.reasons().get(0).text(Locale.SIMPLIFIED_CHINESE));
        Reason alike = joins.reasons().get(1);
        assertEquals("grouping.alike", alike.key());
        assertTrue(alike.args().get(0).matches("0\\.\\d\\d"), alike.args().get(0));
        assertEquals(List.of("p-cart", "0.30"), alike.args().subList(1, 3));
    }

    @Test
    void aSimilarEnglishReportJoinsTheMostAlikeOfTheCandidates() {
        ProblemCandidate other = problem("p-other", fault("cli_app", "The settings page is slow", "/cart", FaultKind.CRASH));
        ProblemCandidate pay = problem("p-pay", fault("cli_app", "App crashes when I tap Pay", "/cart", FaultKind.CRASH));

        Grouping grouping = policy.group(fault("cli_app", "Payment crashes the app every time", "/cart", FaultKind.CRASH),
                List.of(other, pay));

        assertEquals("p-pay", assertInstanceOf(Grouping.Joins.class, grouping).problem().problemId());
    }

    @Test
    void anUnlikeDescriptionStartsANewProblemNamingTheClosestAndHowFarItWas() {
        ProblemCandidate cart = problem("p-cart", fault("cli_app", "购物车页面打开特别慢", "/cart", FaultKind.LAG));

        Grouping grouping = policy.group(fault("cli_app", "上传图片一直失败", "/cart", FaultKind.LAG), List.of(cart));

        Grouping.StartsNew starts = assertInstanceOf(Grouping.StartsNew.class, grouping);
        assertEquals(List.of(Reason.of("grouping.key", "cli_app", "fault", "lag", "/cart", 1, 1, 1),
                Reason.of("grouping.closest", "0.00", "p-cart", "0.30")), starts.reasons());
        assertEquals("closest problem with that: description 0.00 alike problem p-cart's (threshold 0.30)",
                starts.reasons().get(1).english());
    }

    @Test
    void theSameTextOnAnotherPageAnotherAppOrWithOtherFaultKindsIsAnotherProblem() {
        String text = "点击支付后应用直接闪退";
        ProblemCandidate pay = problem("p-pay", fault("cli_app", text, "/pay", FaultKind.CRASH));

        for (Feedback other : List.of(fault("cli_app", text, "/cart", FaultKind.CRASH),
                fault("cli_other", text, "/pay", FaultKind.CRASH),
                fault("cli_app", text, "/pay", FaultKind.CRASH, FaultKind.FREEZE),
                fault("cli_app", text, "/pay"))) {
            Grouping grouping = policy.group(other, List.of(pay));

            Grouping.StartsNew starts = assertInstanceOf(Grouping.StartsNew.class, grouping);
            assertEquals(Reason.of("grouping.none-yet"), starts.reasons().get(1));
        }
    }

    @Test
    void theOrderOfFaultKindsInAReportDoesNotMatter() {
        ProblemCandidate problem = problem("p-1", fault("cli_app", "白屏后闪退", "/home", FaultKind.WHITE_SCREEN, FaultKind.CRASH));

        Grouping grouping = policy.group(fault("cli_app", "白屏然后闪退", "/home", FaultKind.CRASH, FaultKind.WHITE_SCREEN),
                List.of(problem));

        assertInstanceOf(Grouping.Joins.class, grouping);
    }

    @Test
    void suggestionsGroupByTheirDescriptionAloneWhateverPageTheyCameFrom() {
        ProblemCandidate darkMode = problem("p-dark", suggestion("希望增加深色模式", "/settings"));

        Grouping grouping = policy.group(suggestion("建议支持夜间深色模式", "/home"), List.of(darkMode));

        Grouping.Joins joins = assertInstanceOf(Grouping.Joins.class, grouping);
        assertEquals("p-dark", joins.problem().problemId());
        assertEquals(Reason.of("grouping.key.suggestion", "cli_app", "suggestion", "", "", 1, 0, 0),
                joins.reasons().get(0));
        assertEquals("grouped by app cli_app and type suggestion", joins.reasons().get(0).english());
    }

    @Test
    void aSuggestionNeverJoinsAFaultWithTheSameWords() {
        ProblemCandidate fault = problem("p-fault", fault("cli_app", "Please add a dark mode", null));

        Grouping grouping = policy.group(suggestion("Please add a dark mode", null), List.of(fault));

        assertInstanceOf(Grouping.StartsNew.class, grouping);
    }

    @Test
    void reportsWithoutADescriptionJoinAProblemWhoseFirstReportHadNoneEither() {
        ProblemCandidate described = problem("p-said", fault("cli_app", "闪退", "/pay", FaultKind.CRASH));
        ProblemCandidate silent = problem("p-silent", fault("cli_app", null, "/pay", FaultKind.CRASH));

        Grouping grouping = policy.group(fault("cli_app", "  ！", "/pay", FaultKind.CRASH), List.of(described, silent));

        Grouping.Joins joins = assertInstanceOf(Grouping.Joins.class, grouping);
        assertEquals("p-silent", joins.problem().problemId());
        assertEquals(Reason.of("grouping.both-without-description"), joins.reasons().get(1));
    }

    @Test
    void aReportWithoutADescriptionStartsANewProblemWhenEveryCandidateHasOne() {
        ProblemCandidate described = problem("p-said", fault("cli_app", "闪退", "/pay", FaultKind.CRASH));

        Grouping grouping = policy.group(fault("cli_app", null, "/pay", FaultKind.CRASH), List.of(described));

        assertEquals(List.of(Reason.of("grouping.key", "cli_app", "fault", "crash", "/pay", 1, 1, 1),
                Reason.of("grouping.no-description")), assertInstanceOf(Grouping.StartsNew.class, grouping).reasons());
    }

    @Test
    void aReportWithoutAnAppFaultKindOrPathSaysSoInEitherLanguage() {
        Grouping grouping = policy.group(fault(null, "白屏", null), List.of());

        Reason key = grouping.reasons().get(0);
        assertEquals("grouped by no app, type fault, no fault kind and no path", key.english());
        assertEquals("按无应用、类型故障、无故障类型、无路径归类", key.text(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aResolvedProblemIsStillACandidateSoThatItsNewReportCanReopenIt() {
        Feedback first = fault("cli_app", "登录后页面一片白屏", "/login", FaultKind.WHITE_SCREEN);
        ProblemCandidate resolved = new ProblemCandidate("p-login", GroupingKey.of(first), first.description(),
                FeedbackStatus.RESOLVED);

        Grouping grouping = policy.group(fault("cli_app", "登录后页面一直白屏", "/login", FaultKind.WHITE_SCREEN),
                List.of(resolved));

        assertEquals(resolved, assertInstanceOf(Grouping.Joins.class, grouping).problem());
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DefaultGroupingPolicy(0));
        assertThrows(IllegalArgumentException.class, () -> new DefaultGroupingPolicy(1.5));
    }

    @Test
    void aCandidateNeverShowsItsDescriptionWhenPrinted() {
        ProblemCandidate problem = problem("p-1", fault("cli_app", "我的手机号13800000000登录后白屏", "/login"));

        assertEquals("ProblemCandidate[problemId=p-1, appId=cli_app, status=new]", problem.toString());
    }

    @Test
    void aReportThatSaysNoMoreThanItsFaultKindJoinsTheProblemSeenMostRecently() {
        ProblemCandidate recent = problem("p-recent", fault("cli_app", "付款的时候闪退", "/pay", FaultKind.CRASH));
        ProblemCandidate older = problem("p-older", fault("cli_app", "用优惠券就闪退", "/pay", FaultKind.CRASH));

        Grouping grouping = policy.group(fault("cli_app", "又闪退了！！请尽快修复", "/pay", FaultKind.CRASH),
                List.of(recent, older));

        Grouping.Joins joins = assertInstanceOf(Grouping.Joins.class, grouping);
        assertEquals("p-recent", joins.problem().problemId());
        assertEquals(Reason.of("grouping.says-no-more"), joins.reasons().get(1));
    }

    @Test
    void theFaultKindItWasFiledWithDoesNotMakeTwoFaultsOfOnePageAlike() {
        ProblemCandidate coupon = problem("p-coupon", fault("cli_app", "用优惠券就闪退", "/pay", FaultKind.CRASH));

        Grouping grouping = policy.group(fault("cli_app", "付款的时候闪退", "/pay", FaultKind.CRASH), List.of(coupon));

        Grouping.StartsNew starts = assertInstanceOf(Grouping.StartsNew.class, grouping);
        assertEquals(Reason.of("grouping.closest", "0.00", "p-coupon", "0.30"), starts.reasons().get(1));
    }
}
