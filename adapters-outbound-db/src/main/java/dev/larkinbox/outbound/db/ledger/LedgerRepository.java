package dev.larkinbox.outbound.db.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** The event ledger: one row per event id, whatever became of the event. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LedgerRepository extends GenericRepository<LedgerRow, String> {

    /** @return true when the event id is new, false when it is already in the ledger (nothing written) */
    default boolean insert(LedgerRow row) {
        return insert(row.eventId(), row.eventType(), row.appId(), row.tenantKey(), row.transport(), row.createdAt(),
                row.receivedAt(), row.outcome(), row.problem(), row.rawEvent()) == 1;
    }

    /** Micronaut Data counts an entity parameter as one row written, so the columns come one by one. */
    @Query("""
            INSERT INTO event_ledger (event_id, event_type, app_id, tenant_key, transport, created_at, received_at,
                                      outcome, problem, raw_event)
            VALUES (:eventId, :eventType, :appId, :tenantKey, :transport, :createdAt, :receivedAt,
                    :outcome, :problem, :rawEvent)
            ON CONFLICT DO NOTHING""")
    int insert(String eventId, String eventType, @Nullable String appId, @Nullable String tenantKey, String transport,
               @Nullable Instant createdAt, Instant receivedAt, String outcome, @Nullable String problem,
               @Nullable String rawEvent);

    /** The raw JSON of the event: in its ledger entry when unhandled, else in its feedback or revocation row. */
    @Query("""
            SELECT COALESCE(l.raw_event, f.raw_event, r.raw_event)
            FROM event_ledger l LEFT JOIN feedback f ON f.event_id = l.event_id
                 LEFT JOIN revocation r ON r.event_id = l.event_id
            WHERE l.event_id = :eventId""")
    Optional<String> findRawEvent(String eventId);

    @Query("""
            SELECT event_id, event_type, app_id, tenant_key, transport, created_at, received_at, outcome, problem,
                   raw_event
            FROM event_ledger WHERE event_id = :eventId""")
    Optional<LedgerRow> find(String eventId);
}
