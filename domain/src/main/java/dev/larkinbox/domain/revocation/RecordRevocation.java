package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.event.Delivery;

/** Use case: add a revocation to the history, once per event. */
public interface RecordRevocation {
    Delivery record(RecordRevocationCommand command);
}
