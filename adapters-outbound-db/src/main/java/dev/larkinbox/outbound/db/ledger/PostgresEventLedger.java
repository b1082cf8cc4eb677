package dev.larkinbox.outbound.db.ledger;

import dev.larkinbox.domain.event.Delivery;
import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.ledger.EventLedger;
import dev.larkinbox.domain.ledger.LedgerEntry;
import dev.larkinbox.domain.ledger.RecordConflictCommand;
import dev.larkinbox.domain.ledger.RecordUnhandledEventCommand;
import dev.larkinbox.outbound.db.postgres.EventWrite;
import dev.larkinbox.outbound.db.postgres.EventWrites;
import dev.larkinbox.outbound.db.postgres.PostgresText;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The event ledger in PostgreSQL. */
@Singleton
public class PostgresEventLedger implements EventLedger {
    private final LedgerRepository ledger;
    private final EventWrites writes;

    public PostgresEventLedger(LedgerRepository ledger, EventWrites writes) {
        this.ledger = ledger;
        this.writes = writes;
    }

    @Override
    public Delivery recordUnhandled(RecordUnhandledEventCommand command) {
        return writes.commit(write(command));
    }

    @Override
    public CompletableFuture<Delivery> recordUnhandledAsync(RecordUnhandledEventCommand command) {
        return writes.submit(write(command));
    }

    private static EventWrite write(RecordUnhandledEventCommand command) {
        return EventWrite.entry(LedgerRow.of(command.meta(), command.outcome(), command.problem(), command.rawEvent()));
    }

    @Override
    public Optional<LedgerEntry> entry(String eventId) {
        return StorageFailures.reading(() -> ledger.find(PostgresText.storable(eventId))).map(LedgerRow::toEntry);
    }

    @Override
    public Optional<String> rawEvent(String eventId) {
        return StorageFailures.reading(() -> ledger.findRawEvent(PostgresText.storable(eventId)));
    }

    @Override
    public void recordConflict(RecordConflictCommand command) {
        EventMeta meta = command.meta();
        writes.commit(EventWrite.conflict(new EventWrite.Conflict(PostgresText.storable(meta.eventId()),
                meta.transport().wireName(), meta.receivedAt(), PostgresText.storable(command.rawEvent()))));
    }
}
