package dev.larkinbox.outbound.db.ledger;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.ledger.LedgerEntry;
import dev.larkinbox.domain.ledger.LedgerOutcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code event_ledger}. {@code problem} and {@code rawEvent} are set for unhandled events only. */
@MappedEntity("event_ledger")
public record LedgerRow(
        @Id String eventId,
        String eventType,
        @Nullable String appId,
        @Nullable String tenantKey,
        String transport,
        @Nullable Instant createdAt,
        Instant receivedAt,
        String outcome,
        @Nullable String problem,
        @Nullable String rawEvent) {

    /** The entry of an event stored as a revocation or a feedback, whose own row keeps the raw event. */
    public static LedgerRow stored(EventMeta meta) {
        return of(meta, LedgerOutcome.STORED, null, null);
    }

    public static LedgerRow of(EventMeta meta, LedgerOutcome outcome, String problem, String rawEvent) {
        return new LedgerRow(storable(meta.eventId()), storable(meta.eventType()), storable(meta.appId()),
                storable(meta.tenantKey()), meta.transport().wireName(), meta.createdAt(), meta.receivedAt(),
                outcome.label(), storable(problem), storable(rawEvent));
    }

    public LedgerEntry toEntry() {
        return new LedgerEntry(meta(eventId, eventType, appId, tenantKey, transport, createdAt, receivedAt),
                LedgerOutcome.fromLabel(outcome));
    }

    /** The envelope of an event from the ledger's columns, as every row read with its ledger entry gives them. */
    public static EventMeta meta(String eventId, String eventType, String appId, String tenantKey, String transport,
                                 Instant createdAt, Instant receivedAt) {
        return new EventMeta(eventId, eventType, appId, tenantKey, createdAt, receivedAt,
                Transport.fromWireName(transport));
    }

    /** The raw event (personal data) stays out of logs. */
    @Override
    public String toString() {
        return "LedgerRow[eventId=" + eventId + ", eventType=" + eventType + ", outcome=" + outcome + "]";
    }
}
