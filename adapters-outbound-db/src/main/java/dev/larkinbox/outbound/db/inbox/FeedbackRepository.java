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
                   f.assignee, f.version, f.omitted_fault_types, f.omitted_images,
                   (SELECT m.problem_id FROM problem_feedback m WHERE m.feedback_id = f.feedback_id) AS problem_id,
                   f.reason_keys
            FROM feedback f JOIN event_ledger l ON l.event_id = f.event_id
            """;

    @Query(SELECT_VIEW + "WHERE f.feedback_id = :feedbackId")
    Optional<FeedbackView> find(String feedbackId);

    /** Open feedback received first, for the daily digest. */
    @Query(SELECT_VIEW + """
            WHERE f.status IN ('new', 'acknowledged', 'in_progress')
            ORDER BY f.received_at, f.event_id
            LIMIT :limit""")
    List<FeedbackView> oldestOpen(int limit);

    /**
     * What both orders and the counts filter by. A null filter or an empty array matches everything; the casts tell PostgreSQL
     * the type of a parameter that is null; the empty assignee is nobody (FeedbackFilter.NOBODY). A search finds
     * feedback through the description index: the text's {@link DescriptionGrams#sought grams} are {@code :grams}.
     */
    String MATCHING = """
            WHERE (CAST(:appId AS text) IS NULL OR f.app_id = :appId)
              AND (cardinality(CAST(:statuses AS text[])) = 0 OR f.status = ANY (:statuses))
              AND (cardinality(CAST(:priorities AS text[])) = 0 OR f.priority = ANY (:priorities))
              AND (CAST(:feedbackType AS integer) IS NULL OR f.feedback_type = :feedbackType)
              AND (CAST(:assignee AS text) IS NULL OR f.assignee = :assignee
                   OR (:assignee = '' AND f.assignee IS NULL))
              AND (CAST(:text AS text) IS NULL
                   OR (f.description_grams @> CAST(:grams AS integer[])
                       AND strpos(lower(f.description), lower(:text)) > 0))
            """;

    /** The orders of the lists, for a read of them whole. */
    String NEWEST_FIRST = "ORDER BY f.received_at DESC, f.event_id DESC\n";
    String BY_PRIORITY = "ORDER BY f.priority, f.received_at DESC, f.event_id DESC\n";

    /** Newest first, after the given position when there is one. */
    @Query(SELECT_VIEW + MATCHING + """
              AND (CAST(:afterReceivedAt AS timestamptz) IS NULL
                   OR (f.received_at, f.event_id) < (:afterReceivedAt, :afterEventId))
            """ + NEWEST_FIRST + """
             LIMIT :limit""")
    List<FeedbackView> listNewest(@Nullable String appId, @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                  @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                  @Nullable Integer feedbackType, @Nullable String assignee, @Nullable String text,
                                  @TypeDef(type = DataType.INTEGER_ARRAY) int[] grams,
                                  @Nullable Instant afterReceivedAt, @Nullable String afterEventId, int limit);

    /** P1 first, newest first within a priority, after the given position when there is one. */
    @Query(SELECT_VIEW + MATCHING + """
              AND (CAST(:afterPriority AS text) IS NULL OR f.priority > :afterPriority
                   OR (f.priority = :afterPriority AND (f.received_at, f.event_id) < (:afterReceivedAt, :afterEventId)))
            """ + BY_PRIORITY + """
             LIMIT :limit""")
    List<FeedbackView> listByPriority(@Nullable String appId,
                                      @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                      @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                      @Nullable Integer feedbackType, @Nullable String assignee,
                                      @Nullable String text,
                                      @TypeDef(type = DataType.INTEGER_ARRAY) int[] grams,
                                      @Nullable String afterPriority,
                                      @Nullable Instant afterReceivedAt, @Nullable String afterEventId, int limit);
}
