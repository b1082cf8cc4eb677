package dev.larkinbox.domain.ledger;

import dev.larkinbox.domain.event.Delivery;
import java.util.Objects;

/** Records unhandled events in the ledger. */
public final class LedgerService implements RecordUnhandledEvent {
    private final EventLedger ledger;

    public LedgerService(EventLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Delivery record(RecordUnhandledEventCommand command) {
        return ledger.recordUnhandled(command);
    }
}
