package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.Delivery;
import java.util.Optional;

/** Outgoing port: the ledger of events, keyed by event id. */
public interface EventLedger {

    /** Records an unhandled event once; a second call with the same event id is a {@link Delivery#DUPLICATE}. */
    Delivery recordUnhandled(RecordUnhandledEventCommand command);

    Optional<LedgerEntry> entry(String eventId);
}
