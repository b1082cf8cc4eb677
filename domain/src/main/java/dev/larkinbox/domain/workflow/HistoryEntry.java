package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a feedback, kept for good.
 *
 * @param version        the version of the feedback this change made
 * @param from           the status before; equal to {@code to} when only the assignee or a note changed
 * @param assigneeBefore null when nobody was assigned
 * @param assigneeAfter  null when nobody is assigned afterwards
 * @param priorityBefore the priority before; equal to {@code priorityAfter} unless a person overrode it
 * @param priorityAfter  the priority afterwards
 * @param note           what the actor wrote about it (the reason, for a priority override); null for none
 */
public record HistoryEntry(String feedbackId, long version, Instant at, Actor actor, FeedbackStatus from,
                           FeedbackStatus to, String assigneeBefore, String assigneeAfter, Priority priorityBefore,
                           Priority priorityAfter, String note) {
    public HistoryEntry {
        Text.requireNonBlank(feedbackId, "feedbackId");
        if (version <= TriagedFeedback.FIRST_VERSION) {
            throw new IllegalArgumentException("a change makes a version after the first");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(priorityBefore, "priorityBefore");
        Objects.requireNonNull(priorityAfter, "priorityAfter");
        if (from == to && Objects.equals(assigneeBefore, assigneeAfter) && priorityBefore == priorityAfter
                && note == null) {
            throw new IllegalArgumentException(
                    "a history entry must change the status, the assignee or the priority, or add a note");
        }
        if (priorityBefore != priorityAfter && note == null) {
            throw new IllegalArgumentException("a priority override keeps its reason");
        }
    }

    public boolean overridesPriority() {
        return priorityBefore != priorityAfter;
    }

    /** Notes and names stay out of logs. */
    @Override
    public String toString() {
        return "HistoryEntry[feedbackId=" + feedbackId + ", version=" + version + ", " + from.label() + " -> "
                + to.label() + ", by " + actor.kind().label() + "]";
    }
}
