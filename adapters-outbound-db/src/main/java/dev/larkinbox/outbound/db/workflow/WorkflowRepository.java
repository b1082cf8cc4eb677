package dev.larkinbox.outbound.db.workflow;

import dev.larkinbox.outbound.db.inbox.FeedbackRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Changes to feedback and their history. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WorkflowRepository extends GenericRepository<FeedbackRow, String> {

    /** The optimistic check is the WHERE clause: 0 rows when the feedback moved on (or is not there). */
    @Query("""
            UPDATE feedback SET status = :status, assignee = :assignee, priority = :priority, version = :toVersion
            WHERE feedback_id = :feedbackId AND version = :fromVersion""")
    int advance(String feedbackId, long fromVersion, long toVersion, String status, @Nullable String assignee,
                String priority);

    @Query("""
            INSERT INTO feedback_history (feedback_id, version, changed_at, actor_name, actor_kind, from_status,
                                          to_status, assignee_before, assignee_after, priority_before,
                                          priority_after, note, event_id)
            VALUES (:feedbackId, :version, :changedAt, :actorName, :actorKind, :fromStatus, :toStatus,
                    :assigneeBefore, :assigneeAfter, :priorityBefore, :priorityAfter, :note, :eventId)""")
    void insertHistory(String feedbackId, long version, Instant changedAt, String actorName, String actorKind,
                       String fromStatus, String toStatus, @Nullable String assigneeBefore,
                       @Nullable String assigneeAfter, String priorityBefore, String priorityAfter,
                       @Nullable String note, @Nullable String eventId);

    @Query("""
            INSERT INTO awaited_lark_status (feedback_id, event_id, lark_status, received_at)
            VALUES (:feedbackId, :eventId, :larkStatus, :receivedAt)""")
    void insertAwaited(String feedbackId, String eventId, int larkStatus, Instant receivedAt);

    /** The status of the event that came last. */
    @Query("""
            SELECT lark_status FROM awaited_lark_status WHERE feedback_id = :feedbackId
            ORDER BY received_at DESC, event_id DESC LIMIT 1""")
    Optional<Integer> latestAwaited(String feedbackId);

    @Query("DELETE FROM awaited_lark_status WHERE feedback_id = :feedbackId")
    int forgetAwaited(String feedbackId);

    @Query("""
            SELECT feedback_id, version, changed_at, actor_name, actor_kind, from_status, to_status, assignee_before,
                   assignee_after, priority_before, priority_after, note
            FROM feedback_history WHERE feedback_id = :feedbackId ORDER BY version""")
    List<HistoryRow> history(String feedbackId);
}
