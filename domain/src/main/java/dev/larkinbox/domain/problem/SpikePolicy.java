package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.triage.Priority;
import java.time.Instant;

/** A pure function telling whether a problem is spiking now, from when it was reported. */
@FunctionalInterface
public interface SpikePolicy {
    /**
     * @param triaged the problem's priority from its triage, never one a spike raised: the spike raises it
     * @param reports when the problem's reports came; those after {@code now} do not count
     */
    Spike assess(Priority triaged, ReportCounts reports, Instant now);
}
