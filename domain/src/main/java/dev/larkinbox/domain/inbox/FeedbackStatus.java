package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.label.Labelled;
import java.util.EnumSet;
import java.util.Set;

/** Where a feedback stands in the team's work. New feedback starts as {@link #NEW}. */
public enum FeedbackStatus implements Labelled {
    NEW,
    ACKNOWLEDGED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED;

    /** The statuses of feedback still waiting for the team: what "open" means in a filter. */
    public static final Set<FeedbackStatus> OPEN = Set.copyOf(EnumSet.of(NEW, ACKNOWLEDGED, IN_PROGRESS));

    /** The statuses a filter names: one status by its label, or {@code open} for {@link #OPEN}. */
    public static Set<FeedbackStatus> matching(String label) {
        return "open".equals(label) ? OPEN : Set.of(fromLabel(label));
    }

    public static FeedbackStatus fromLabel(String label) {
        return Labelled.fromLabel(FeedbackStatus.class, label, "status");
    }
}
