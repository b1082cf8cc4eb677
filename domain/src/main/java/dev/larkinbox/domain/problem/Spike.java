package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of a spike policy on a problem.
 *
 * @param since    when the spike began: one spike, one announcement; null when not spiking
 * @param priority the problem's priority, one step up while spiking
 * @param reasons  why; never empty
 */
public record Spike(boolean spiking, Instant since, Priority priority, List<Reason> reasons) {
    public Spike {
        if (spiking != (since != null)) {
            throw new IllegalArgumentException("a spike has a start, and only a spike");
        }
        Objects.requireNonNull(priority, "priority");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a spike verdict must say why");
        }
    }
}
