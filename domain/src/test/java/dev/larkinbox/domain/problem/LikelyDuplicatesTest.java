package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LikelyDuplicatesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private final List<Problem> stored = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final FindLikelyDuplicates duplicates = new FindLikelyDuplicatesService(new ProblemBoard() {
        @Override
        public Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page) {
            throw new UnsupportedOperationException("not read by this use case");
        }

        @Override
        public Optional<Problem> find(String problemId) {
            return stored.stream().filter(p -> p.problemId().equals(problemId)).findFirst();
        }

        @Override
        public Page<dev.larkinbox.domain.inbox.TriagedFeedback> feedback(String problemId, PageRequest page) {
            throw new UnsupportedOperationException("not read by this use case");
        }

        @Override
        public List<Problem> seenRecently(String appId, FeedbackType type, int max) {
            asked.add(appId + " " + type.label() + " " + max);
            return stored.stream().filter(p -> appId.equals(p.key().appId()) && p.key().type() == type).toList();
        }
    }, new LikelyDuplicatePolicy());

    private Problem problem(String id, String app, String path, FaultKind kind, String title, int seenAt) {
        Problem problem = new Problem(id, new GroupingKey(app, FeedbackType.FAULT, Set.of(kind), path), title, 3,
                T0, T0.plusSeconds(seenAt), 1, FeedbackStatus.NEW, Priority.P2, null, false, List.of(Reason.of("grouping.none-yet")));
        stored.add(problem);
        return problem;
    }

    @Test
    void theAppsProblemsWhoseTitlesReadAlikeAreOfferedMostAlikeFirstEachSayingWhy() {
        problem("pb-pay", "cli_shop", "pages/pay", FaultKind.CRASH, "点击支付后应用闪退", 10);
        problem("pb-en", "cli_shop", "pages/checkout", FaultKind.CRASH, "App crashes when I pay", 20);
        problem("pb-freeze", "cli_shop", "pages/pay", FaultKind.FREEZE, "支付的时候卡死了", 30);
        problem("pb-cart", "cli_shop", "pages/cart", FaultKind.SLOW_PAGE_LOAD, "购物车加载很慢", 40);
        problem("pb-other-app", "cli_chat", "pages/pay", FaultKind.CRASH, "支付闪退", 50);

        List<LikelyDuplicate> offers = duplicates.find(new FindLikelyDuplicatesQuery("pb-pay", 5));

        assertEquals(List.of("pb-en", "pb-freeze"), offers.stream().map(LikelyDuplicate::problemId).toList());
        assertEquals("App crashes when I pay", offers.get(0).title());
        assertEquals(Reason.of("duplicate.other-key", "0.92"), offers.get(0).reason());
        assertEquals("title 0.92 alike this one's, other fault kinds or another page", offers.get(0).reason().english());
        assertEquals("标题与本问题的相似度为 0.92，故障类型或页面不同", offers.get(0).reason().text(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Reason.of("duplicate.other-key", "0.46"), offers.get(1).reason());
        assertEquals(List.of("cli_shop fault " + FindLikelyDuplicatesService.COMPARED), asked,
                "a bounded number of the app's problems, read through the board's index");
    }

    @Test
    void aProblemOfTheSameKeyThatTheWordingKeptApartSaysSo() {
        problem("pb-pay", "cli_shop", "pages/pay", FaultKind.CRASH, "点击支付后应用闪退", 10);
        problem("pb-pay-2", "cli_shop", "pages/pay", FaultKind.CRASH, "支付的时候闪退了", 20);

        LikelyDuplicate offer = duplicates.find(new FindLikelyDuplicatesQuery("pb-pay", 5)).get(0);

        assertEquals("duplicate.same-key", offer.reason().key());
        assertEquals(List.of(String.format(Locale.ROOT, "%.2f", offer.similarity())), offer.reason().args());
        assertTrue(offer.reason().text(Locale.SIMPLIFIED_CHINESE).endsWith("故障类型和页面相同"),
                offer.reason().text(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void atMostTheNumberAskedForAreOfferedAndNoneForAProblemWithoutTitleOrApp() {
        problem("pb-1", "cli_shop", "pages/pay", FaultKind.CRASH, "支付闪退", 10);
        problem("pb-2", "cli_shop", "pages/pay/v2", FaultKind.CRASH, "支付闪退了", 20);
        problem("pb-3", "cli_shop", "pages/pay/v3", FaultKind.CRASH, "付款闪退", 30);
        problem("pb-untitled", "cli_shop", "pages/pay", FaultKind.CRASH, null, 40);

        assertEquals(List.of("pb-3"), duplicates.find(new FindLikelyDuplicatesQuery("pb-1", 1)).stream()
                .map(LikelyDuplicate::problemId).toList(), "as alike as pb-2, and seen later");
        assertEquals(List.of(), duplicates.find(new FindLikelyDuplicatesQuery("pb-untitled", 5)));
        assertThrows(ProblemNotFoundException.class, () -> duplicates.find(new FindLikelyDuplicatesQuery("pb-no", 5)));
        assertThrows(IllegalArgumentException.class, () -> new FindLikelyDuplicatesQuery("pb-1", 0));
        assertThrows(IllegalArgumentException.class, () -> new FindLikelyDuplicatesQuery(" ", 5));
    }
}
