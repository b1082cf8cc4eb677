package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.Delivery;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Records unhandled events, and events reusing another's id, in the ledger. */
public final class LedgerService implements RecordUnhandledEvent {
    private final EventLedger ledger;

    public LedgerService(EventLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Delivery record(RecordUnhandledEventCommand command) {
        return ledger.recordUnhandled(command);
    }

    @Override
    public CompletableFuture<Delivery> recordAsync(RecordUnhandledEventCommand command) {
        return ledger.recordUnhandledAsync(command);
    }

    @Override
    public Optional<String> rawEvent(String eventId) {
        return ledger.rawEvent(eventId);
    }

    @Override
    public Delivery recordConflict(RecordConflictCommand command) {
        ledger.recordConflict(command);
        return Delivery.CONFLICT;
    }
}
