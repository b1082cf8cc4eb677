package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.feedback.Feedback;
import java.util.Objects;

/** @param rawEvent the event JSON as received, kept with the feedback */
public record TriageFeedbackCommand(EventMeta meta, Feedback feedback, String rawEvent) {
    public TriageFeedbackCommand {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(rawEvent, "rawEvent");
    }
}
