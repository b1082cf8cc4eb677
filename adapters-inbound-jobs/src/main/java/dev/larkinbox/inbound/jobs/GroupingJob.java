package dev.larkinbox.inbound.jobs;

import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.domain.problem.GroupingReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts stored feedback into problems every {@code inbox.problems.group-interval}, from the start: feedback stored
 * while no instance grouped (or during a round that failed) is grouped by the next round. Of several instances on
 * one database one groups at a time; the others skip that round.
 */
@Singleton
@Requires(beans = GroupNewFeedback.class)
public class GroupingJob {
    /** Enough to keep up with a burst between two rounds; one round is one transaction. */
    static final GroupNewFeedbackCommand ROUND = new GroupNewFeedbackCommand(200);
    private static final Logger LOG = LoggerFactory.getLogger(GroupingJob.class);

    private final GroupNewFeedback grouping;

    GroupingJob(GroupNewFeedback grouping) {
        this.grouping = grouping;
    }

    void group() {
        JobRun.logged("grouping", () -> {
            GroupingReport report = grouping.group(ROUND);
            // a line per round would be one a second: only what a person should hear of
            if (report.spikes() > 0 || report.regressions() > 0) {
                LOG.info("problems: {} spikes began, {} reopened as regressions", report.spikes(),
                        report.regressions());
            }
        });
    }
}
