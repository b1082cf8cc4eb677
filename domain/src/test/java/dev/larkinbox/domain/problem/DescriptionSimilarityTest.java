package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriptionSimilarityTest {

    @Test
    void theSameTextIsFullyAlikeWhateverItsCaseWidthAndPunctuation() {
        assertEquals(1.0, DescriptionSimilarity.of("App crashes when I tap Pay!", "app CRASHES, when i tap pay"));
        assertEquals(1.0, DescriptionSimilarity.of("支付闪退！！", "支付闪退"));
        assertEquals(1.0, DescriptionSimilarity.of("ＡＰＰ闪退", "app闪退"));
    }

    @Test
    void chineseReportsOfOneFaultAreMoreAlikeThanReportsOfTwo() {
        double same = DescriptionSimilarity.of("购物车加载很慢，一直转圈", "打开购物车要等很久，太慢了");
        double different = DescriptionSimilarity.of("购物车加载很慢，一直转圈", "点击支付后应用直接闪退");

        assertTrue(same > different, same + " vs " + different);
        assertEquals(0.0, different);
    }

    @Test
    void englishWordFormsShareMostOfTheirPieces() {
        double forms = DescriptionSimilarity.of("the app crashed on payment", "payment crashes the app");
        double unrelated = DescriptionSimilarity.of("the app crashed on payment", "the search box is laggy");

        assertTrue(forms > 0.5, "forms " + forms);
        assertTrue(unrelated < 0.2, "unrelated " + unrelated);
    }

    @Test
    void aMissingOrBlankDescriptionIsLikeNothing() {
        assertEquals(0.0, DescriptionSimilarity.of(null, null));
        assertEquals(0.0, DescriptionSimilarity.of("  ", "  "));
        assertEquals(0.0, DescriptionSimilarity.of("闪退", null));
    }

    @Test
    void aChineseAndAnEnglishReportOfOneFaultShareItsConceptsAndNotThoseOfAnother() {
        double same = DescriptionSimilarity.of("付款的时候闪退", "App crashes when I pay");
        double other = DescriptionSimilarity.of("用优惠券的时候闪退", "App crashes when I pay");

        assertEquals(1.0, same);
        assertEquals(0.5, other, "the crash alone, which the policy leaves to the fault kind");
    }

    @Test
    void whatAnyReportSaysBesideItsFaultCountsForNothing() {
        assertEquals(1.0, DescriptionSimilarity.of("您好，支付闪退，请尽快修复，谢谢", "支付闪退"));
        assertEquals(1.0, DescriptionSimilarity.of("hi, since 5.2.0 checkout crashes on my iPhone, thanks!!", "crash on pay"));
        assertEquals(0.0, DescriptionSimilarity.of("客服你好，谢谢", "please fix asap"));
    }

    @Test
    void aWordMisspeltByOneLetterOrAPinyinSlipIsStillItsConcept() {
        assertEquals(1.0, DescriptionSimilarity.of("the app crahses at chekout", "crash on pay"));
        assertEquals(1.0, DescriptionSimilarity.of("登陆后闪腿", "登录后闪退"));
    }

    @Test
    void aCandidateHoldsItsDescriptionsPiecesCutOnceAndRefusesOthers() {
        GroupingKey key = new GroupingKey("cli_app", FeedbackType.FAULT, Set.of(), "/pay");
        ProblemCandidate candidate = new ProblemCandidate("pb-1", key, "付款闪退", FeedbackStatus.NEW);

        assertEquals(DescriptionSimilarity.pieces("付款闪退"), candidate.pieces());
        assertEquals(candidate.pieces(), candidate.withStatus(FeedbackStatus.RESOLVED).pieces());
        assertThrows(IllegalArgumentException.class, () -> new ProblemCandidate("pb-1", key, "付款闪退",
                FeedbackStatus.NEW, DescriptionSimilarity.pieces("购物车很慢")));
    }
}
