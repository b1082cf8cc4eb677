package dev.larkinbox.outbound.db.workflow;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.HistoryEntry;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A row of {@code feedback_history} as read back. */
@Introspected
public record HistoryRow(
        String feedbackId,
        long version,
        Instant changedAt,
        String actorName,
        String actorKind,
        String fromStatus,
        String toStatus,
        @Nullable String assigneeBefore,
        @Nullable String assigneeAfter,
        String priorityBefore,
        String priorityAfter,
        @Nullable String note) {

    public HistoryEntry toDomain() {
        return new HistoryEntry(feedbackId, version, changedAt, new Actor(actorName, Actor.Kind.fromLabel(actorKind)),
                FeedbackStatus.fromLabel(fromStatus), FeedbackStatus.fromLabel(toStatus), assigneeBefore,
                assigneeAfter, Priority.valueOf(priorityBefore), Priority.valueOf(priorityAfter), note);
    }

    /** Names and notes stay out of logs. */
    @Override
    public String toString() {
        return "HistoryRow[feedbackId=" + feedbackId + ", version=" + version + "]";
    }
}
