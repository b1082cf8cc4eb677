package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.domain.problem.GroupingPace;
import dev.larkinbox.domain.problem.GroupingReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts stored feedback into problems every {@code inbox.problems.group-interval}, from the start, and drains what
 * waits: while a round finds a full batch, the next follows at once. Feedback stored while no instance grouped (or
 * during a round that failed) is grouped by the next round. Of several instances on one database one groups at a
 * time; the others skip that round. During a burst of feedback a round waits until the oldest waiting has waited
 * {@code inbox.problems.max-lag} ({@link GroupingPace}): the requests that store the burst go first, and the rounds
 * then run beside fewer of them, or after it, on more feedback at once.
 */
@Singleton
@Requires(beans = {GroupNewFeedback.class, JobIntervals.class})
public class GroupingJob {
    /**
     * A round is one transaction: a crash loses at most its work, and between two rounds another instance may take
     * its turn. Its few statements carry many reports, yet each stays well inside the 1.5 s a statement has on a
     * loaded machine. What a round costs whatever its size (the candidates of its keys, the spiking problems it
     * assesses, its commit) is shared by a thousand reports rather than 500: 1.15x the rate (bench/grouping.md).
     */
    static final int ROUND_SIZE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(GroupingJob.class);

    private final GroupNewFeedback grouping;
    private final GroupNewFeedbackCommand round;

    @Inject
    GroupingJob(GroupNewFeedback grouping, JobIntervals intervals) {
        this(grouping, new GroupingPace(intervals.groupingMaxLag()));
    }

    GroupingJob(GroupNewFeedback grouping, GroupingPace pace) {
        this.grouping = grouping;
        this.round = new GroupNewFeedbackCommand(ROUND_SIZE, pace);
    }

    void group() {
        JobRun.logged("grouping", () -> {
            int spikes = 0;
            int regressions = 0;
            GroupingReport report;
            do {
                report = grouping.group(round);
                spikes += report.spikes();
                regressions += report.regressions();
            } while (report.grouped() == ROUND_SIZE && !Thread.currentThread().isInterrupted());
            // a line per run would be one a second: only what a person should hear of
            if (spikes > 0 || regressions > 0) {
                LOG.info("problems: {} spikes began, {} reopened as regressions", spikes, regressions);
            }
        });
    }
}
