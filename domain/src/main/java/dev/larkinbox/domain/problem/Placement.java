package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the feedback of one round into problems, one after the other: the grouping policy places each among the
 * problems of its key (a problem one report started or joined is the first candidate of the next), a report of a
 * resolved or closed problem reopens it as a regression, and every problem touched is remembered for the spike
 * assessment.
 */
final class Placement {
    /** A problem is named after the report that started it, so a round that is run again names it alike. */
    static final String ID_PREFIX = "pb-";

    private final GroupingRound round;
    private final GroupingPolicy policy;
    private final boolean announce;
    /** Per key, the problems seen most recently first: the order the policy is given them in. */
    private final Map<GroupingKey, List<ProblemCandidate>> candidates = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private int started;
    private int regressions;

    Placement(GroupingRound round, GroupingPolicy policy, boolean announce, List<TriagedFeedback> batch) {
        this.round = round;
        this.policy = policy;
        this.announce = announce;
        Set<GroupingKey> keys = batch.stream().map(f -> GroupingKey.of(f.feedback())).collect(Collectors.toSet());
        if (!keys.isEmpty()) {
            round.candidates(keys).forEach(c -> candidates.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
        }
    }

    void place(TriagedFeedback item) {
        GroupingKey key = GroupingKey.of(item.feedback());
        List<ProblemCandidate> ofKey = candidates.computeIfAbsent(key, k -> new ArrayList<>());
        Grouping verdict = policy.group(item.feedback(), ofKey);
        ProblemCandidate problem;
        if (verdict instanceof Grouping.Joins joins) {
            ofKey.remove(joins.problem());
            problem = reopenedIfEnded(joins.problem(), item);
        } else {
            problem = new ProblemCandidate(ID_PREFIX + item.feedback().feedbackId(), key,
                    item.feedback().description(), FeedbackStatus.NEW);
            round.start(problem.problemId(), key, Problem.titleOf(item.feedback().description()), item,
                    verdict.reasons());
            started++;
        }
        ofKey.add(0, problem);
        round.assign(item, problem.problemId(), verdict.reasons());
        touched.add(problem.problemId());
    }

    private ProblemCandidate reopenedIfEnded(ProblemCandidate problem, TriagedFeedback report) {
        Regression regression = Regression.onNewReport(problem).orElse(null);
        if (regression == null) {
            return problem;
        }
        round.reopen(problem.problemId(), regression);
        if (announce) {
            round.announceRegression(problem.problemId(), report);
        }
        regressions++;
        return problem.withStatus(regression.reopenedTo());
    }

    Set<String> touched() {
        return touched;
    }

    int started() {
        return started;
    }

    int regressions() {
        return regressions;
    }
}
