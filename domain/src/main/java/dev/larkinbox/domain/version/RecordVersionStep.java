package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.Delivery;

/** Use case: keep a version's application or review, once per event. */
public interface RecordVersionStep {
    Delivery record(RecordVersionStepCommand command);
}
