package dev.larkinbox.domain.workflow;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import java.util.Objects;

/** A feedback after a change asked for by an event, and whether the event was new. */
public record WorkedFeedback(TriagedFeedback feedback, Delivery delivery) {
    public WorkedFeedback {
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(delivery, "delivery");
    }
}
