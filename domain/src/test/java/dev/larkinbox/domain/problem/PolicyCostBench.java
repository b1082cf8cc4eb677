package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one grouping decision costs (run by {@code bench/grouping-policy.sh}, see {@code bench/grouping.md}): every
 * report of the corpus is decided among 100 candidates of its key (as many as a round reads, the worst case), the
 * candidates cut once as a round does; then the cost of cutting a candidate, which a round pays per candidate it
 * reads. In CPU time of the thread; the first passes warm up. Prints, asserts nothing.
 */
public final class PolicyCostBench {
    private PolicyCostBench() {
    }

    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Feedback> reports = CorpusGrouping.corpus("corpus.tsv").stream().map(CorpusGrouping.Labelled::feedback).toList();
        Map<GroupingKey, List<ProblemCandidate>> candidates = new HashMap<>();
        for (Feedback report : reports) {
            List<ProblemCandidate> ofKey = candidates.computeIfAbsent(GroupingKey.of(report), k -> new ArrayList<>());
            if (ofKey.size() < CorpusGrouping.CANDIDATES_PER_KEY) {
                ofKey.add(new ProblemCandidate("pb-" + report.feedbackId(), GroupingKey.of(report),
                        report.description(), FeedbackStatus.NEW));
            }
        }
        // a key with fewer than 100 problems is topped up from the corpus's other reports, cut as its key's
        List<ProblemCandidate> all = candidates.values().stream().flatMap(List::stream).toList();
        candidates.forEach((key, ofKey) -> {
            for (int i = 0; ofKey.size() < CorpusGrouping.CANDIDATES_PER_KEY; i++) {
                ProblemCandidate other = all.get(i);
                ofKey.add(new ProblemCandidate(other.problemId() + "-" + i, key, other.description(),
                        FeedbackStatus.NEW));
            }
        });
        GroupingPolicy policy = new DefaultGroupingPolicy();
        // CPU time of this thread: the machine is shared, and wall time would count the others' turns
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long joined = 0;
        for (int pass = 0; pass < passes; pass++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (Feedback report : reports) {
                joined += policy.group(report, candidates.get(GroupingKey.of(report))) instanceof Grouping.Joins
                        ? 1 : 0;
            }
            long decisions = cpu.getCurrentThreadCpuTime() - start;
            start = cpu.getCurrentThreadCpuTime();
            for (Feedback report : reports) {
                joined += new ProblemCandidate("pb-x", GroupingKey.of(report), report.description(),
                        FeedbackStatus.NEW).pieces().size() > 0 ? 0 : 1;
            }
            long cuts = cpu.getCurrentThreadCpuTime() - start;
            System.out.printf(Locale.ROOT, "pass %2d: %.1f µs CPU a decision among 100 candidates (%,.0f decisions/s "
                    + "on one core), %.1f µs CPU a candidate read%n", pass + 1, decisions / 1000.0 / reports.size(),
                    reports.size() * 1e9 / decisions, cuts / 1000.0 / reports.size());
        }
        System.out.println("(" + joined + " joins, so that nothing is optimised away)");
    }
}
