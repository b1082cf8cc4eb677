package dev.larkinbox.domain.recovery;

/**
 * @param days how far back to ask Lark, in days: 1 to {@link #MAX_DAYS}; null for the look-back the service was
 *             configured with, so that its default lives in one place
 */
public record RecoverMissedFeedbackCommand(Integer days) {
    public static final int MAX_DAYS = 365;

    /** As far back as the service is configured to look. */
    public static final RecoverMissedFeedbackCommand CONFIGURED = new RecoverMissedFeedbackCommand(null);

    public RecoverMissedFeedbackCommand {
        if (days != null) {
            requireDays(days);
        }
    }

    static int requireDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS);
        }
        return days;
    }
}
