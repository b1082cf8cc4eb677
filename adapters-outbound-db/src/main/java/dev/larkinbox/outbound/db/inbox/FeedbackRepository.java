package dev.larkinbox.outbound.db.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The inbox of triaged feedback. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FeedbackRepository extends GenericRepository<FeedbackRow, String> {

    String SELECT_VIEW = """
            SELECT f.event_id, l.event_type, l.app_id AS event_app_id, f.tenant_key, l.transport, l.created_at,
                   f.received_at, f.feedback_id, f.app_id, f.tenant_name, f.user_open_id, f.user_union_id,
                   f.user_user_id, f.feedback_type, f.fault_types, f.source,
                   CAST(f.feedback_time AS text) AS feedback_time, CAST(f.fault_time AS text) AS fault_time,
                   f.description, f.contact, f.images, f.feedback_path, f.priority, f.category, f.reasons, f.status,
                   f.assignee, f.version, f.omitted_fault_types, f.omitted_images, f.problem_id
            FROM feedback f JOIN event_ledger l ON l.event_id = f.event_id
            """;

    /** @return true when stored, false when the feedback id is already there: nothing written */
    default boolean insert(FeedbackRow row) {
        return insert(row.feedbackId(), row.eventId(), row.appId(), row.tenantKey(), row.tenantName(),
                row.userOpenId(), row.userUnionId(), row.userUserId(), row.feedbackType(), row.faultTypes(),
                row.source(), row.feedbackTime(), row.faultTime(), row.description(), row.contact(), row.images(),
                row.feedbackPath(), row.priority(), row.category(), row.reasons(), row.status(), row.assignee(),
                row.version(), row.receivedAt(), row.rawEvent(), row.omittedFaultTypes(), row.omittedImages()) == 1;
    }

    /** Micronaut Data counts an entity parameter as one row written, so the columns come one by one. */
    @Query("""
            INSERT INTO feedback (feedback_id, event_id, app_id, tenant_key, tenant_name, user_open_id, user_union_id,
                                  user_user_id, feedback_type, fault_types, source, feedback_time, fault_time,
                                  description, contact, images, feedback_path, priority, category, reasons, status,
                                  assignee, version, received_at, raw_event, omitted_fault_types, omitted_images)
            VALUES (:feedbackId, :eventId, :appId, :tenantKey, :tenantName, :userOpenId, :userUnionId, :userUserId,
                    :feedbackType, :faultTypes, :source, CAST(:feedbackTime AS timestamp),
                    CAST(:faultTime AS timestamp), :description, :contact, :images, :feedbackPath, :priority,
                    :category, :reasons, :status, :assignee, :version, :receivedAt, :rawEvent, :omittedFaultTypes,
                    :omittedImages)
            ON CONFLICT DO NOTHING""")
    int insert(String feedbackId, String eventId, @Nullable String appId, @Nullable String tenantKey,
               @Nullable String tenantName, @Nullable String userOpenId, @Nullable String userUnionId,
               @Nullable String userUserId, int feedbackType, @TypeDef(type = DataType.INTEGER_ARRAY) int[] faultTypes,
               @Nullable Integer source, @Nullable String feedbackTime, @Nullable String faultTime,
               @Nullable String description, @Nullable String contact,
               @TypeDef(type = DataType.STRING_ARRAY) String[] images, @Nullable String feedbackPath, String priority,
               String category, @TypeDef(type = DataType.STRING_ARRAY) String[] reasons, String status,
               @Nullable String assignee, long version, Instant receivedAt, String rawEvent, int omittedFaultTypes,
               int omittedImages);

    @Query("SELECT EXISTS (SELECT 1 FROM feedback WHERE feedback_id = :feedbackId AND app_id IS NOT DISTINCT FROM :appId)")
    boolean existsForApp(String feedbackId, @Nullable String appId);

    @Query(SELECT_VIEW + "WHERE f.feedback_id = :feedbackId")
    Optional<FeedbackView> find(String feedbackId);

    /** Open feedback received first, for the daily digest. */
    @Query(SELECT_VIEW + """
            WHERE f.status IN ('new', 'acknowledged', 'in_progress')
            ORDER BY f.received_at, f.event_id
            LIMIT :limit""")
    List<FeedbackView> oldestOpen(int limit);

    /**
     * What both orders filter by. A null filter or an empty array matches everything; the casts tell PostgreSQL
     * the type of a parameter that is null. The search's first condition is the one its index answers.
     */
    String MATCHING = """
            WHERE (CAST(:appId AS text) IS NULL OR f.app_id = :appId)
              AND (cardinality(CAST(:statuses AS text[])) = 0 OR f.status = ANY (:statuses))
              AND (cardinality(CAST(:priorities AS text[])) = 0 OR f.priority = ANY (:priorities))
              AND (CAST(:feedbackType AS integer) IS NULL OR f.feedback_type = :feedbackType)
              AND (CAST(:assignee AS text) IS NULL OR f.assignee = :assignee)
              AND (CAST(:text AS text) IS NULL
                   OR (inbox_text_grams(f.description) @> inbox_search_grams(:text)
                       AND strpos(lower(f.description), lower(:text)) > 0))
            """;

    /** Newest first, after the given position when there is one. */
    @Query(SELECT_VIEW + MATCHING + """
              AND (CAST(:afterReceivedAt AS timestamptz) IS NULL
                   OR (f.received_at, f.event_id) < (:afterReceivedAt, :afterEventId))
            ORDER BY f.received_at DESC, f.event_id DESC
            LIMIT :limit""")
    List<FeedbackView> listNewest(@Nullable String appId, @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                  @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                  @Nullable Integer feedbackType, @Nullable String assignee, @Nullable String text,
                                  @Nullable Instant afterReceivedAt, @Nullable String afterEventId, int limit);

    /** P1 first, newest first within a priority, after the given position when there is one. */
    @Query(SELECT_VIEW + MATCHING + """
              AND (CAST(:afterPriority AS text) IS NULL OR f.priority > :afterPriority
                   OR (f.priority = :afterPriority AND (f.received_at, f.event_id) < (:afterReceivedAt, :afterEventId)))
            ORDER BY f.priority, f.received_at DESC, f.event_id DESC
            LIMIT :limit""")
    List<FeedbackView> listByPriority(@Nullable String appId,
                                      @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                      @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                      @Nullable Integer feedbackType, @Nullable String assignee,
                                      @Nullable String text, @Nullable String afterPriority,
                                      @Nullable Instant afterReceivedAt, @Nullable String afterEventId, int limit);
}
