package dev.larkinbox.domain.inbox;

import dev.larkinbox.domain.event.Delivery;

/** Use case: triage a new feedback into the inbox, once per event and once per feedback id. */
public interface TriageFeedback {
    Delivery triage(TriageFeedbackCommand command);
}
