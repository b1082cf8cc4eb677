package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.CompletedFutures;
import dev.larkinbox.domain.event.Delivery;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Use case: note in the ledger that a verified event came, though we do not store it as a domain record. */
public interface RecordUnhandledEvent {
    Delivery record(RecordUnhandledEventCommand command);

    /** As {@link #record}, answered by a future once committed, so that no thread waits for the commit. */
    default CompletableFuture<Delivery> recordAsync(RecordUnhandledEventCommand command) {
        return CompletedFutures.now(() -> record(command));
    }

    /** The raw JSON kept for an event id, to tell a redelivery from another event reusing the id. */
    Optional<String> rawEvent(String eventId);

    /** Keeps an event that reused the id of a different one; its delivery is a {@link Delivery#CONFLICT}. */
    Delivery recordConflict(RecordConflictCommand command);
}
