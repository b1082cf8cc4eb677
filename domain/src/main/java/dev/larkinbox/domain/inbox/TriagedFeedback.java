package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.triage.Triage;
import java.util.Objects;

/** A feedback in the inbox: what the user filed, how it was triaged, and where the team stands on it. */
public record TriagedFeedback(EventMeta meta, Feedback feedback, Triage triage, FeedbackStatus status) {
    public TriagedFeedback {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(status, "status");
    }
}
