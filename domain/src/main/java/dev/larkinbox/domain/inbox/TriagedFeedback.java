package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.triage.Triage;
import dev.larkinbox.domain.triage.Priority;
import java.util.Objects;

/**
 * A feedback in the inbox: what the user filed, how it was triaged, and where the team stands on it.
 *
 * @param assignee who works on it; null while nobody does
 * @param version  1 when it arrives, one more with every change: what a client names to change the version it saw
 * @param problemId the problem it belongs to; null until the grouping has seen it (normally within a second)
 */
public record TriagedFeedback(EventMeta meta, Feedback feedback, Triage triage, FeedbackStatus status, String assignee,
                              long version, String problemId) {
    public static final long FIRST_VERSION = 1;

    public TriagedFeedback {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(status, "status");
        if (assignee != null && assignee.isBlank()) {
            throw new IllegalArgumentException("assignee must be null or not blank");
        }
        if (version < FIRST_VERSION) {
            throw new IllegalArgumentException("version must be at least " + FIRST_VERSION);
        }
        if (problemId != null && problemId.isBlank()) {
            throw new IllegalArgumentException("problemId must be null or not blank");
        }
    }

    /** A feedback not grouped into a problem yet. */
    public TriagedFeedback(EventMeta meta, Feedback feedback, Triage triage, FeedbackStatus status, String assignee,
                           long version) {
        this(meta, feedback, triage, status, assignee, version, null);
    }

    /** The feedback as a member of the problem. */
    public TriagedFeedback groupedInto(String problem) {
        return new TriagedFeedback(meta, feedback, triage, status, assignee, version, problem);
    }

    /**
     * The feedback as a person's change leaves it. A priority set over the triage's keeps the triage's reasons:
     * the override's reason is in the history.
     */
    public TriagedFeedback worked(FeedbackStatus newStatus, String newAssignee, Priority newPriority, long newVersion) {
        return new TriagedFeedback(meta, feedback, new Triage(newPriority, triage.category(), triage.reasons()),
                newStatus, newAssignee, newVersion, problemId);
    }

    /** A feedback as it enters the inbox: nobody assigned, first version. */
    public static TriagedFeedback arrived(EventMeta meta, Feedback feedback, Triage triage, FeedbackStatus status) {
        return new TriagedFeedback(meta, feedback, triage, status, null, FIRST_VERSION);
    }
}
