package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * The status Lark's developer console keeps for a feedback, and how it maps to ours: Lark has one status for both
 * of our ends (resolved and closed).
 */
public enum LarkFeedbackStatus {
    UNMARKED(0, FeedbackStatus.NEW),
    MARKED(1, FeedbackStatus.ACKNOWLEDGED),
    PROCESSING(2, FeedbackStatus.IN_PROGRESS),
    CLOSED(3, FeedbackStatus.CLOSED);

    private final int code;
    private final FeedbackStatus ours;

    LarkFeedbackStatus(int code, FeedbackStatus ours) {
        this.code = code;
        this.ours = ours;
    }

    public int code() {
        return code;
    }

    /** Our status for a status set in Lark: closed for Lark's closed, which also ends our resolved. */
    public FeedbackStatus toStatus() {
        return ours;
    }

    /** True when our status shows in Lark as this one, so that nothing needs to change. */
    public boolean agreesWith(FeedbackStatus status) {
        return of(status) == this;
    }

    public static LarkFeedbackStatus of(FeedbackStatus status) {
        return switch (status) {
            case NEW -> UNMARKED;
            case ACKNOWLEDGED -> MARKED;
            case IN_PROGRESS -> PROCESSING;
            case RESOLVED, CLOSED -> CLOSED;
        };
    }

    /** Empty for a number Lark may add later. */
    public static Optional<LarkFeedbackStatus> fromCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
