package dev.larkinbox.domain.recovery;

/** @param days how far back to ask Lark, in days: 1 to {@link #MAX_DAYS} */
public record RecoverMissedFeedbackCommand(int days) {
    public static final int MAX_DAYS = 365;

    public RecoverMissedFeedbackCommand {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS);
        }
    }
}
