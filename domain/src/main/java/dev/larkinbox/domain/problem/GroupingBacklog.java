package dev.larkinbox.domain.problem;

import java.time.Instant;
import java.util.Objects;

/**
 * The feedback waiting to be grouped, as a {@link GroupingPace} weighs it.
 *
 * @param oldest  when the feedback waiting longest was received
 * @param arrived how many of those waiting were received in the last second, counted up to what the pace asked
 */
public record GroupingBacklog(Instant oldest, int arrived) {
    public GroupingBacklog {
        Objects.requireNonNull(oldest, "oldest");
        if (arrived < 0) {
            throw new IllegalArgumentException("arrived must not be negative");
        }
    }
}
