package dev.larkinbox.outbound.db.workflow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** The outbox of statuses for Lark. A row is pending while neither delivered nor abandoned. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxRow, Long> {

    /** Due at once. */
    @Query("""
            INSERT INTO status_outbox (feedback_id, app_id, lark_status, requested_at, next_attempt_at)
            VALUES (:feedbackId, :appId, :larkStatus, :requestedAt, :requestedAt)""")
    void insert(String feedbackId, @Nullable String appId, int larkStatus, Instant requestedAt);

    /**
     * Due rows that are the oldest pending row of their feedback, locked for the caller's transaction. Rows another
     * worker is claiming right now are skipped, not waited for; a younger row of theirs is excluded since its elder
     * is still pending.
     */
    @Query("""
            SELECT o.id, o.feedback_id, o.app_id, o.lark_status, o.requested_at, o.attempts, o.refusals
            FROM status_outbox o
            WHERE o.delivered_at IS NULL AND o.abandoned_at IS NULL AND o.next_attempt_at <= :now
              AND NOT EXISTS (SELECT 1 FROM status_outbox e
                              WHERE e.feedback_id = o.feedback_id AND e.id < o.id
                                AND e.delivered_at IS NULL AND e.abandoned_at IS NULL)
            ORDER BY o.id
            LIMIT :max
            FOR UPDATE OF o SKIP LOCKED""")
    List<OutboxRow> lockDue(Instant now, int max);

    /** Moves the due time: to the end of a claim's lease, or back when a claimed row is released unsent. */
    @Query("UPDATE status_outbox SET next_attempt_at = :until WHERE id = :id")
    int lease(long id, Instant until);

    @Query("UPDATE status_outbox SET delivered_at = :at WHERE id = :id")
    int delivered(long id, Instant at);

    @Query("""
            UPDATE status_outbox SET attempts = attempts + 1, refusals = refusals + :refusal,
                                     next_attempt_at = :nextAttemptAt, last_error = :error
            WHERE id = :id""")
    int retryLater(long id, int refusal, Instant nextAttemptAt, @Nullable String error);

    @Query("""
            UPDATE status_outbox SET attempts = attempts + 1, refusals = refusals + 1, abandoned_at = :at,
                                     last_error = :error
            WHERE id = :id""")
    int abandon(long id, Instant at, @Nullable String error);

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
