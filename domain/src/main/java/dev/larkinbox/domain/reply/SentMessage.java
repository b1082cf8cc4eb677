package dev.larkinbox.domain.reply;

import dev.larkinbox.domain.label.Labelled;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.validation.Text;
import dev.larkinbox.domain.workflow.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * A message to a feedback's reporter and what became of it.
 *
 * @param version the feedback's history entry the message was written with (the reply, or the resolution)
 * @param text    personal data: never logged
 * @param author  who wrote the history entry: the replying team member, or whoever resolved the feedback
 * @param at      when Lark took it or it was given up; null while pending
 * @param reason  why it was not delivered; null unless {@link State#NOT_DELIVERED}
 */
public record SentMessage(long id, String feedbackId, long version, ReporterMessage.Kind kind, String text,
                          Actor author, Instant requestedAt, State state, Instant at, Reason reason) {

    public enum State implements Labelled { PENDING, DELIVERED, NOT_DELIVERED }

    public SentMessage {
        Text.requireNonBlank(feedbackId, "feedbackId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(state, "state");
        if ((state == State.PENDING) != (at == null)) {
            throw new IllegalArgumentException("a message has a time of delivery or abandonment once it is not pending");
        }
    }

    @Override
    public String toString() {
        return "SentMessage[id=" + id + ", feedbackId=" + feedbackId + ", " + kind.label() + ", " + state.label() + "]";
    }
}
