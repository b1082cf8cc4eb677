package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reply.ReporterMessage;
import dev.larkinbox.domain.sync.StatusSync;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;

/**
 * One change a store writes in one transaction: the feedback's new status, assignee and priority, its history entry, and,
 * when Lark must hear of it, the outbox entry, and when the reporter is written to, the message to them.
 *
 * @param fromVersion the version the change was decided on: the store writes nothing when the feedback moved on
 * @param sync        null when Lark is not to be told (sync off, or the change came from Lark)
 * @param message     to the feedback's reporter, keyed on this change's history entry; null for none
 */
public record WorkflowChange(String feedbackId, long fromVersion, FeedbackStatus status, String assignee,
                             Priority priority, HistoryEntry entry, StatusSync sync, ReporterMessage message) {
    public WorkflowChange {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(entry, "entry");
        if (!entry.feedbackId().equals(feedbackId) || entry.version() != fromVersion + 1 || entry.to() != status
                || !Objects.equals(entry.assigneeAfter(), assignee) || entry.priorityAfter() != priority) {
            throw new IllegalArgumentException("the history entry must describe this change");
        }
        if (sync != null && (!sync.feedbackId().equals(feedbackId) || sync.status() != LarkFeedbackStatus.of(status))) {
            throw new IllegalArgumentException("the status sent to Lark must be this change's status");
        }
    }

    /** A change that writes to nobody. */
    public WorkflowChange(String feedbackId, long fromVersion, FeedbackStatus status, String assignee,
                          Priority priority, HistoryEntry entry, StatusSync sync) {
        this(feedbackId, fromVersion, status, assignee, priority, entry, sync, null);
    }

    /** The version the feedback has once the change is written. */
    public long toVersion() {
        return entry.version();
    }
}
