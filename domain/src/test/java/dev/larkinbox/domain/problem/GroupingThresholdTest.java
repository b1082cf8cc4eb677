package dev.larkinbox.domain.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind {@link DefaultGroupingPolicy#DEFAULT_THRESHOLD}: the labelled corpus is fed through the
 * policy one report at a time, as the inbox would store it, and the problems it makes are scored against the
 * labels by pairs of reports (precision: of the pairs put together, how many belong together; recall: of the
 * pairs that belong together, how many were put together). Run with {@code -Dgrouping.sweep=true} to print the
 * figures for other thresholds.
 */
class GroupingThresholdTest {

    record Labelled(String label, String description) {
    }

    record Score(double precision, double recall, int problems) {
    }

    @Test
    void theDefaultThresholdGroupsTheCorpusWithTheMeasuredPrecisionAndRecall() throws IOException {
        List<Labelled> corpus = corpus();
        if (Boolean.getBoolean("grouping.sweep")) {
            for (int t = 10; t <= 80; t += 5) {
                Score s = score(corpus, new DefaultGroupingPolicy(t / 100.0));
                System.out.printf(Locale.ROOT, "threshold %.2f precision %.3f recall %.3f problems %d%n",
                        t / 100.0, s.precision(), s.recall(), s.problems());
            }
        }

        Score score = score(corpus, new DefaultGroupingPolicy());

        assertTrue(score.precision() >= 0.87, "precision " + score.precision());
        assertTrue(score.recall() >= 0.60, "recall " + score.recall());
        assertEquals(28, score.problems());
    }

    private static Score score(List<Labelled> corpus, GroupingPolicy policy) {
        List<ProblemCandidate> problems = new ArrayList<>();
        List<String> problemOf = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Feedback feedback = new Feedback("fb-" + i, "cli_app", null, null, FeedbackType.FAULT, List.of(), null,
                    null, null, corpus.get(i).description(), null, null, "/home");
            Grouping grouping = policy.group(feedback, List.copyOf(problems));
            if (grouping instanceof Grouping.Joins joins) {
                problemOf.add(joins.problem().problemId());
            } else {
                ProblemCandidate started = new ProblemCandidate("p-" + i, GroupingKey.of(feedback),
                        feedback.description(), FeedbackStatus.NEW);
                problems.add(0, started);
                problemOf.add(started.problemId());
            }
        }
        int together = 0;
        int rightlyTogether = 0;
        int belongTogether = 0;
        for (int i = 0; i < corpus.size(); i++) {
            for (int j = i + 1; j < corpus.size(); j++) {
                boolean same = corpus.get(i).label().equals(corpus.get(j).label());
                boolean grouped = problemOf.get(i).equals(problemOf.get(j));
                together += grouped ? 1 : 0;
                belongTogether += same ? 1 : 0;
                rightlyTogether += same && grouped ? 1 : 0;
            }
        }
        double precision = together == 0 ? 1 : (double) rightlyTogether / together;
        return new Score(precision, (double) rightlyTogether / belongTogether, problems.size());
    }

    static List<Labelled> corpus() throws IOException {
        List<Labelled> corpus = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                GroupingThresholdTest.class.getResourceAsStream("/problem/feedback-corpus.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t", 2);
                    corpus.add(new Labelled(fields[0], fields[1]));
                }
            }
        }
        return corpus;
    }
}
