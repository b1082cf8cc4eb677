package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import java.util.Objects;

/**
 * The workflow's verdict on moving a feedback from one status to another.
 *
 * @param reason why (no personal data: it is sent to API clients)
 */
public record Transition(FeedbackStatus from, FeedbackStatus to, boolean allowed, Reason reason) {
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
