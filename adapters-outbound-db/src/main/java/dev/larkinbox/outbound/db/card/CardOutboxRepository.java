package dev.larkinbox.outbound.db.card;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * The outbox of chat cards: what is written in the transactions of the feedback and its changes. Its leases are
 * {@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}'s.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CardOutboxRepository extends GenericRepository<CardOutboxRow, Long> {

    /** Due at once, and only for a feedback whose card is posted or on its way. */
    @Query("""
            INSERT INTO card_outbox (feedback_id, kind, requested_at, next_attempt_at)
            SELECT :feedbackId, 'update', :requestedAt, :requestedAt
            WHERE EXISTS (SELECT 1 FROM card_outbox
                          WHERE feedback_id = :feedbackId AND kind = 'post' AND abandoned_at IS NULL)""")
    void insertUpdate(String feedbackId, Instant requestedAt);

    /** The message a post became, which its updates edit. */
    @Query("UPDATE card_outbox SET message_id = :messageId WHERE id = :id")
    void messagePosted(long id, String messageId);

    /** Every card neither posted nor given up, for the operator's metric. */
    @Query("SELECT count(*) FROM card_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL")
    long countAllPending();

    /** When the oldest of them was written; empty when none is pending. */
    @Query("""
            SELECT requested_at FROM card_outbox WHERE delivered_at IS NULL AND abandoned_at IS NULL
            ORDER BY requested_at LIMIT 1""")
    List<Instant> oldestPending();
}
