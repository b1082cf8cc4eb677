package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.CompletedFutures;
import dev.larkinbox.domain.event.Delivery;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Outgoing port: the ledger of events, keyed by event id. */
public interface EventLedger {

    /** Records an unhandled event once; a second call with the same event id is a {@link Delivery#DUPLICATE}. */
    Delivery recordUnhandled(RecordUnhandledEventCommand command);

    /** As {@link #recordUnhandled}, answered by a future once committed; it fails as that throws. */
    default CompletableFuture<Delivery> recordUnhandledAsync(RecordUnhandledEventCommand command) {
        return CompletedFutures.now(() -> recordUnhandled(command));
    }

    Optional<LedgerEntry> entry(String eventId);

    /** The raw JSON kept for the event (in its ledger entry or its own row); empty for an id never stored. */
    Optional<String> rawEvent(String eventId);

    /** Keeps the conflicting event; the same body under the same id is kept once. */
    void recordConflict(RecordConflictCommand command);
}
