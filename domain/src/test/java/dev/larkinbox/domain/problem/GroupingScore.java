package dev.larkinbox.domain.problem;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well a grouping matches the labels. By pairs of reports: precision is, of the pairs put in one problem, the
 * share that belong together; recall, of the pairs that belong together, the share put in one problem (big problems
 * weigh most). B-cubed, per report then averaged: precision is the share of its problem that has its label, recall
 * the share of its label that is in its problem (every report weighs the same, a one-off as much as a crash).
 */
record GroupingScore(double pairPrecision, double pairRecall, double bcubedPrecision, double bcubedRecall,
                     int reports, int labels, int problems) {

    static GroupingScore of(List<String> labels, List<String> problems) {
        Map<String, Integer> perLabel = new HashMap<>();
        Map<String, Integer> perProblem = new HashMap<>();
        Map<String, Integer> perBoth = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            perLabel.merge(labels.get(i), 1, Integer::sum);
            perProblem.merge(problems.get(i), 1, Integer::sum);
            perBoth.merge(labels.get(i) + "\u0000" + problems.get(i), 1, Integer::sum);
        }
        double together = perProblem.values().stream().mapToDouble(GroupingScore::pairs).sum();
        double belong = perLabel.values().stream().mapToDouble(GroupingScore::pairs).sum();
        double both = perBoth.values().stream().mapToDouble(GroupingScore::pairs).sum();
        double precision = 0;
        double recall = 0;
        for (int i = 0; i < labels.size(); i++) {
            double shared = perBoth.get(labels.get(i) + "\u0000" + problems.get(i));
            precision += shared / perProblem.get(problems.get(i));
            recall += shared / perLabel.get(labels.get(i));
        }
        return new GroupingScore(together == 0 ? 1 : both / together, belong == 0 ? 1 : both / belong,
                precision / labels.size(), recall / labels.size(), labels.size(), perLabel.size(), perProblem.size());
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d reports of %d labelled problems grouped into %d: pair precision %.3f "
                + "recall %.3f, B-cubed precision %.3f recall %.3f", reports, labels, problems, pairPrecision,
                pairRecall, bcubedPrecision, bcubedRecall);
    }
}
