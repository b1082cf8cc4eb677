package dev.larkinbox.outbound.db.reply;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * The outbox of messages to reporters: what is written in the transaction of a history entry, and read back as the
 * record of what each reporter was told. Its leases are {@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}'s.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReporterOutboxRepository extends GenericRepository<ReporterOutboxRow, Long> {

    /** Due at once. */
    @Query("""
            INSERT INTO reporter_outbox (feedback_id, version, kind, text, requested_at, next_attempt_at)
            VALUES (:feedbackId, :version, :kind, :text, :requestedAt, :requestedAt)""")
    void insert(String feedbackId, long version, String kind, String text, Instant requestedAt);

    @Query("""
            SELECT o.id, o.feedback_id, o.version, o.kind, o.text, o.requested_at, o.delivered_at, o.abandoned_at,
                   o.last_error, h.actor_name, h.actor_kind
            FROM reporter_outbox o JOIN feedback_history h ON h.feedback_id = o.feedback_id AND h.version = o.version
            WHERE o.feedback_id = :feedbackId ORDER BY o.version""")
    List<ReporterOutboxRow> messages(String feedbackId);

    /** Every message neither delivered nor given up, for the operator's metric. */
    @Query("SELECT count(*) FROM reporter_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL")
    long countAllPending();

    /** When the oldest of them was written; empty when none is pending. */
    @Query("""
            SELECT requested_at FROM reporter_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL
            ORDER BY requested_at LIMIT 1""")
    List<Instant> oldestPending();

    /** Matched on the open_id inside the database: it is never read out. */
    @Query("""
            SELECT other.feedback_id, other.received_at, other.status
            FROM feedback mine JOIN feedback other ON other.user_open_id = mine.user_open_id
            WHERE mine.feedback_id = :feedbackId AND other.feedback_id <> mine.feedback_id
            ORDER BY other.received_at DESC, other.event_id DESC LIMIT :limit""")
    List<OtherFeedbackRow> otherFeedback(String feedbackId, int limit);
}
