package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Outgoing port: the other feedback the same person filed, matched by their open_id, which never leaves the store.
 */
public interface ReporterFeedback {
    int MAX_LISTED = 50;

    /** A feedback of the same reporter, as a list names it. */
    record OtherFeedback(String feedbackId, Instant receivedAt, FeedbackStatus status) {
        public OtherFeedback {
            Text.requireNonBlank(feedbackId, "feedbackId");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The reporter's other feedback, newest first, at most {@link #MAX_LISTED}; empty when the feedback names no
     * open_id or is unknown.
     */
    List<OtherFeedback> otherFeedback(String feedbackId);
}
