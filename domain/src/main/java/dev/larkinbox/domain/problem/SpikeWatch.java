package dev.larkinbox.domain.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assesses the spikes of the problems a round touched, and of some spiking ones, whose spike ends without a new
 * report; a spike that begins is announced once.
 */
final class SpikeWatch {
    /**
     * Spiking problems a round assesses besides those it touched, those assessed longest ago: rounds run back to back
     * while feedback waits, and assessing every spiking problem in each would cost more the more problems spike.
     */
    static final int SPIKING_PER_ROUND = 100;

    private final SpikePolicy policy;
    private final Duration reportHistory;
    private final boolean announce;

    SpikeWatch(SpikePolicy policy, Duration reportHistory, boolean announce) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.reportHistory = Objects.requireNonNull(reportHistory, "reportHistory");
        this.announce = announce;
    }

    /** @return how many spikes began */
    int assess(GroupingRound round, Set<String> touched, Instant now) {
        Set<String> problemIds = new LinkedHashSet<>(touched);
        problemIds.addAll(round.spiking(SPIKING_PER_ROUND));
        if (problemIds.isEmpty()) {
            return 0;
        }
        Map<String, ProblemPulse> pulses = round.pulses(problemIds, now.minus(reportHistory));
        int begun = 0;
        for (String problemId : problemIds) {
            ProblemPulse pulse = pulses.get(problemId);
            Spike spike = policy.assess(pulse.membersPriority(), pulse.reports(), now);
            round.assessed(problemId, spike);
            if (spike.spiking() && !spike.since().equals(pulse.spikingSince())) {
                begun++;
                if (announce) {
                    round.announceSpike(problemId, spike.since());
                }
            }
        }
        return begun;
    }
}
