package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.InvalidCommandException;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.Actor;
import dev.larkinbox.domain.workflow.WorkFeedbackCommand;
import java.util.Objects;

/**
 * A team member's reply to the person who filed a feedback.
 *
 * @param text what the reporter reads: personal data, never logged
 */
public record ReplyCommand(String feedbackId, String text, Actor actor) {
    /** The history keeps the reply as a note, behind {@link #NOTE_PREFIX}: within a note's length. */
    public static final String NOTE_PREFIX = "Reply to the reporter: ";
    public static final int MAX_TEXT_LENGTH = WorkFeedbackCommand.MAX_NOTE_LENGTH - NOTE_PREFIX.length();

    public ReplyCommand {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(actor, "actor");
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidCommandException(Reason.of("command.reply-text", MAX_TEXT_LENGTH));
        }
    }

    /** The reply as the feedback's history keeps it. */
    public String note() {
        return NOTE_PREFIX + text;
    }

    @Override
    public String toString() {
        return "ReplyCommand[feedbackId=" + feedbackId + "]";
    }
}
