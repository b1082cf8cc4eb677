package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The grouping measured on the labelled corpus ({@code grouping-corpus/}, thousands of generated reports in Chinese,
 * English and both, suggestions and one-offs, six apps), grouped as the service groups them: issue 29's targets
 * are precision at least 0.95 and recall at least 0.85, by pairs and by B-cubed. The figures are printed (and kept
 * in {@code bench/grouping.md}). Run with {@code -Dgrouping.sweep=true} to print them for other thresholds.
 */
class GroupingCorpusTest {

    @Test
    void theCorpusIsGroupedWithPrecisionAtLeast095AndRecallAtLeast085() throws IOException {
        GroupingScore score = score("corpus.tsv");

        assertAll(() -> assertTrue(score.pairPrecision() >= 0.95, score::toString),
                () -> assertTrue(score.pairRecall() >= 0.85, score::toString),
                () -> assertTrue(score.bcubedPrecision() >= 0.95, score::toString),
                () -> assertTrue(score.bcubedRecall() >= 0.85, score::toString));
    }

    /**
     * Where the vocabulary does not reach (objects it was not written with: 红包, step counter), reports of one
     * fault meet on bigrams and stems within a language only, so recall falls; what must not fall is precision:
     * unknown words split, they do not join wrongly.
     */
    @Test
    void objectsTheVocabularyDoesNotKnowAreSplitRatherThanJoinedWrongly() throws IOException {
        GroupingScore score = score("corpus-unseen.tsv");

        assertAll(() -> assertTrue(score.pairPrecision() >= 0.95, score::toString),
                () -> assertTrue(score.bcubedPrecision() >= 0.95, score::toString));
    }

    private static GroupingScore score(String file) throws IOException {
        List<CorpusGrouping.Labelled> corpus = CorpusGrouping.corpus(file);
        List<String> labels = corpus.stream().map(CorpusGrouping.Labelled::label).toList();
        List<Feedback> reports = corpus.stream().map(CorpusGrouping.Labelled::feedback).toList();
        if (Boolean.getBoolean("grouping.sweep")) {
            for (int t = 10; t <= 60; t += 5) {
                System.out.printf(Locale.ROOT, "%s threshold %.2f: %s%n", file, t / 100.0,
                        GroupingScore.of(labels, CorpusGrouping.group(reports, new DefaultGroupingPolicy(t / 100.0))));
            }
        }
        GroupingScore score = GroupingScore.of(labels, CorpusGrouping.group(reports, new DefaultGroupingPolicy()));
        System.out.println(file + ": " + score);
        return score;
    }

    /** Issue 29: tried as a new user would, six reports of one payment crash became three problems, 4 + 1 + 1. */
    @Test
    void sixReportsOfOnePaymentCrashWordedDifferentlyAreOneProblem() {
        List<String> words = List.of("点击支付后应用闪退", "支付的时候应用闪退了", "付款时app直接崩溃，钱也没付成功",
                "App crashes when I tap Pay", "一付钱就闪退！！", "pay的时候crash了，iPhone 13");
        List<Feedback> reports = words.stream().map(text -> CorpusGrouping.report("fb-" + words.indexOf(text),
                "cli_shop", FeedbackType.FAULT, List.of(FaultKind.CRASH), "pages/pay", text)).toList();

        List<String> problems = CorpusGrouping.group(reports, new DefaultGroupingPolicy());

        assertEquals(1, problems.stream().distinct().count(), problems.toString());
    }
}
