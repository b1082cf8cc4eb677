package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.triage.Priority;

/** Which feedback to list; a null field matches everything. */
public record FeedbackFilter(String appId, FeedbackStatus status, Priority priority, FeedbackType type,
                             String assignee) {
    public static final FeedbackFilter ALL = new FeedbackFilter(null, null, null, null, null);
}
