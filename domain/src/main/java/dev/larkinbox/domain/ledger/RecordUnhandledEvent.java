package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.Delivery;

/** Use case: note in the ledger that a verified event came, though we do not store it as a domain record. */
public interface RecordUnhandledEvent {
    Delivery record(RecordUnhandledEventCommand command);
}
