package dev.larkinbox.outbound.db.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * The outbox of statuses for Lark. A row is pending while neither delivered nor abandoned; its leases are
 * {@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}'s.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxRow, Long> {

    /** Due at once. */
    @Query("""
            INSERT INTO status_outbox (feedback_id, app_id, lark_status, requested_at, next_attempt_at)
            VALUES (:feedbackId, :appId, :larkStatus, :requestedAt, :requestedAt)""")
    void insert(String feedbackId, @Nullable String appId, int larkStatus, Instant requestedAt);

    @Query("""
            SELECT count(*) FROM status_outbox
            WHERE feedback_id = :feedbackId AND delivered_at IS NULL AND abandoned_at IS NULL""")
    long countPending(String feedbackId);

    /** Every pending row: the backlog an operator watches. */
    @Query("SELECT count(*) FROM status_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL")
    long countAllPending();

    /** When the oldest pending row was requested; empty when none is pending. */
    @Query("""
            SELECT requested_at FROM status_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL
            ORDER BY requested_at LIMIT 1""")
    List<Instant> oldestPending();

    @Query("""
            SELECT delivered_at FROM status_outbox
            WHERE feedback_id = :feedbackId AND delivered_at IS NOT NULL
            ORDER BY delivered_at DESC LIMIT 1""")
    List<Instant> lastDelivered(String feedbackId);
}
