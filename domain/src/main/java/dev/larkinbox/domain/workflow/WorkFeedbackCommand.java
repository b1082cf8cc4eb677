package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.validation.Text;
import java.util.Objects;

/**
 * A change a team member asks for; at least one of status, assignee, priority and note.
 *
 * @param status          the status to move to; null leaves it
 * @param assignee        who works on it; null leaves it, {@link #UNASSIGN} (empty) leaves nobody assigned
 * @param priority        the priority a person sets over the triage's; null leaves it. Needs a note: the reason
 * @param note            why, for the history; null for none
 * @param expectedVersion the version the caller saw; null when the caller does not mind changes made meanwhile
 */
public record WorkFeedbackCommand(String feedbackId, FeedbackStatus status, String assignee, Priority priority,
                                  String note, Long expectedVersion, Actor actor) {
    public static final String UNASSIGN = "";
    public static final int MAX_ASSIGNEE_LENGTH = 100;
    public static final int MAX_NOTE_LENGTH = 2000;

    public WorkFeedbackCommand {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(actor, "actor");
        if (status == null && assignee == null && priority == null && note == null) {
            throw new InvalidCommandException(Reason.of("command.change-needs-something"));
        }
        if (priority != null && note == null) {
            throw new InvalidCommandException(Reason.of("command.priority-needs-note"));
        }
        if (assignee != null && !assignee.equals(UNASSIGN)
                && (assignee.isBlank() || assignee.length() > MAX_ASSIGNEE_LENGTH || !assignee.strip().equals(assignee))) {
            throw new InvalidCommandException(Reason.of("command.assignee", MAX_ASSIGNEE_LENGTH));
        }
        requireValidNote(note);
        if (expectedVersion != null && expectedVersion < 1) {
            throw new IllegalArgumentException("expected version must be at least 1");
        }
    }

    /** The rule of a note, for every command that carries one: absent, or some text of at most 2000 characters. */
    public static void requireValidNote(String note) {
        if (note != null && (note.isBlank() || note.length() > MAX_NOTE_LENGTH)) {
            throw new InvalidCommandException(Reason.of("command.note", MAX_NOTE_LENGTH));
        }
    }
}
