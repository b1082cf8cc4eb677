package dev.larkinbox.domain.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a grouping round runs: at once while feedback trickles in, but during a burst (at least
 * {@link #BURST_PER_SECOND} feedback received in the last second) only once the oldest waiting has waited
 * {@code maxLag}. A round costs the database what storing the burst's events needs; deferred, it runs beside fewer
 * requests, and on more feedback at once. With {@code maxLag} zero a round runs whenever feedback waits.
 *
 * @param maxLag how long feedback may wait during a burst
 */
public record GroupingPace(Duration maxLag) {
    /** A round whenever feedback waits, whatever arrives. */
    public static final GroupingPace AT_ONCE = new GroupingPace(Duration.ZERO);
    /** Feedback per second from which the intake is a burst: more than a round a second drains at once. */
    public static final int BURST_PER_SECOND = 200;

    /** What the pace decided, and why. */
    public enum Decision {
        NOTHING_WAITS(false),
        INTAKE_QUIET(true),
        WAITED_LONG_ENOUGH(true),
        YIELDS_TO_BURST(false);

        private final boolean due;

        Decision(boolean due) {
            this.due = due;
        }

        /** Whether a round runs now. */
        public boolean due() {
            return due;
        }
    }

    public GroupingPace {
        Objects.requireNonNull(maxLag, "maxLag");
        if (maxLag.isNegative()) {
            throw new IllegalArgumentException("maxLag must not be negative");
        }
    }

    /** Whether the backlog is to be weighed at all: at once, every round runs. */
    public boolean yields() {
        return !maxLag.isZero();
    }

    /**
     * @param backlog what waits; empty when nothing does
     * @param now     the moment of the decision
     */
    public Decision decide(Optional<GroupingBacklog> backlog, Instant now) {
        if (backlog.isEmpty()) {
            return Decision.NOTHING_WAITS;
        }
        if (backlog.get().arrived() < BURST_PER_SECOND) {
            return Decision.INTAKE_QUIET;
        }
        return Duration.between(backlog.get().oldest(), now).compareTo(maxLag) >= 0 ? Decision.WAITED_LONG_ENOUGH
                : Decision.YIELDS_TO_BURST;
    }
}
