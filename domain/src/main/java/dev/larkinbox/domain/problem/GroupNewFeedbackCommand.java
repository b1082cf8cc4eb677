package dev.larkinbox.domain.problem;

/** Group at most {@code batchSize} of the feedback waiting, received first first. */
public record GroupNewFeedbackCommand(int batchSize) {
    public static final int MAX_BATCH = 1000;

    public GroupNewFeedbackCommand {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH);
        }
    }
}
