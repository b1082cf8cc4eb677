package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.label.Labelled;

/** Where a feedback stands in the team's work. New feedback starts as {@link #NEW}. */
public enum FeedbackStatus implements Labelled {
    NEW,
    ACKNOWLEDGED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED;

    public static FeedbackStatus fromLabel(String label) {
        return Labelled.fromLabel(FeedbackStatus.class, label, "status");
    }
}
