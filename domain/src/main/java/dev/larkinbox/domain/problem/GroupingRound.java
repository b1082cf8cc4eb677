package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.reason.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one grouping round reads and writes, inside the transaction {@link ProblemStore#groupAlone} gives it. A store
 * may hold the writes until the round reads what they change, or ends.
 */
public interface GroupingRound {

    /** Feedback that belongs to no problem yet, received first first. */
    List<TriagedFeedback> ungrouped(int max);

    /** The problems with one of these keys, seen most recently first, as their first report describes them. */
    List<ProblemCandidate> candidates(Set<GroupingKey> keys);

    /**
     * Up to {@code max} of the problems spiking when the round began, assessed longest ago first: a spike ends only
     * when it is assessed again, and a round that takes a few of them takes its turn with each.
     */
    List<String> spiking(int max);

    /**
     * A problem the feedback reports first; it is {@link dev.larkinbox.domain.inbox.FeedbackStatus#NEW} and counts
     * nothing until its feedback is {@link #assign assigned}.
     *
     * @param title personal data, never logged; null when the first report has no description
     */
    void start(String problemId, GroupingKey key, String title, TriagedFeedback first, List<Reason> reasons);

    /** The feedback belongs to the problem now, for these reasons; the problem counts it. */
    void assign(TriagedFeedback feedback, String problemId, List<Reason> reasons);

    /** A report came after the problem was resolved or closed: it is reopened and marked regressed. */
    void reopen(String problemId, Regression regression);

    /**
     * What a spike assessment of each problem needs: its members' priority and when they came since then (a store
     * may count them per second), read for all of them at once; none of a problem that does not exist.
     */
    Map<String, ProblemPulse> pulses(Set<String> problemIds, Instant since);

    /** The latest assessment: whether it is spiking, since when, its priority and the reasons. */
    void assessed(String problemId, Spike spike);

    /** A chat card announcing the problem's spike; one per spike, whatever asks again. */
    void announceSpike(String problemId, Instant since);

    /** A chat card announcing that the report reopened the problem, due when the report came. */
    void announceRegression(String problemId, TriagedFeedback report);
}
