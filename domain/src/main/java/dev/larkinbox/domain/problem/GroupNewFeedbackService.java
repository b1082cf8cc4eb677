package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.inbox.TriagedFeedback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Groups stored feedback into problems after it was stored (not in the transaction that stores it, which a hot
 * problem's row would serialise), and assesses their spikes.
 * <p>
 * A round takes the oldest feedback without a problem, {@link Placement places} each, and lets the
 * {@link SpikeWatch} assess the problems it touched and a few of those spiking. All of it is written in one
 * transaction; what a crash interrupts is grouped by the next round. A command's {@link GroupingPace} may defer the
 * round during a burst of feedback: it then groups nothing.
 */
public final class GroupNewFeedbackService implements GroupNewFeedback {
    private final ProblemStore store;
    private final GroupingPolicy grouping;
    private final SpikeWatch spikes;
    private final boolean announce;
    private final Clock clock;

    /**
     * @param reportHistory how far back a spike assessment needs the reports (see {@link SpikeSettings#history()})
     * @param announce      whether spikes and regressions are announced by chat cards
     */
    public GroupNewFeedbackService(ProblemStore store, GroupingPolicy grouping, SpikePolicy spikes,
                                   Duration reportHistory, boolean announce, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.spikes = new SpikeWatch(spikes, reportHistory, announce);
        this.announce = announce;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GroupingReport group(GroupNewFeedbackCommand command) {
        GroupingPace pace = command.pace();
        if (pace.yields()) {
            Instant now = clock.instant();
            var backlog = store.backlog(now.minusSeconds(1), GroupingPace.BURST_PER_SECOND);
            if (!pace.decide(backlog, now).due()) {
                // an empty round still: the store's upkeep after a round keeps pace with the burst
                return store.groupAlone(round -> GroupingReport.NOTHING).orElse(GroupingReport.SKIPPED);
            }
        }
        return store.groupAlone(round -> round(round, command.batchSize())).orElse(GroupingReport.SKIPPED);
    }

    private GroupingReport round(GroupingRound round, int batchSize) {
        Instant now = clock.instant();
        List<TriagedFeedback> batch = round.ungrouped(batchSize);
        Placement placement = new Placement(round, grouping, announce, batch);
        batch.forEach(placement::place);
        int spikesBegun = spikes.assess(round, placement.touched(), now);
        return new GroupingReport(false, batch.size(), placement.started(), placement.regressions(), spikesBegun);
    }
}
