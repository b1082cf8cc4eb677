package dev.larkinbox.domain.problem;

import java.util.Objects;

/**
 * Group at most {@code batchSize} of the feedback waiting, received first first, when the {@code pace} says a
 * round is due.
 */
public record GroupNewFeedbackCommand(int batchSize, GroupingPace pace) {
    public static final int MAX_BATCH = 1000;

    public GroupNewFeedbackCommand {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH);
        }
        Objects.requireNonNull(pace, "pace");
    }

    /** A round now, whatever arrives. */
    public GroupNewFeedbackCommand(int batchSize) {
        this(batchSize, GroupingPace.AT_ONCE);
    }
}
