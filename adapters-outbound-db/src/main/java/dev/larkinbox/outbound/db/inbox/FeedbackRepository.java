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

    @Query(SELECT_VIEW + "WHERE f.feedback_id = :feedbackId")
    Optional<FeedbackView> find(String feedbackId);

    /** Open feedback received first, for the daily digest. */
    @Query(SELECT_VIEW + """
            WHERE f.status IN ('new', 'acknowledged', 'in_progress')
            ORDER BY f.received_at, f.event_id
            LIMIT :limit""")
    List<FeedbackView> oldestOpen(int limit);

    /**
     * What both orders filter by, the text aside. A null filter or an empty array matches everything; the casts tell
     * PostgreSQL the type of a parameter that is null.
     */
    String FILTERS = """
              (CAST(:appId AS text) IS NULL OR f.app_id = :appId)
              AND (cardinality(CAST(:statuses AS text[])) = 0 OR f.status = ANY (:statuses))
              AND (cardinality(CAST(:priorities AS text[])) = 0 OR f.priority = ANY (:priorities))
              AND (CAST(:feedbackType AS integer) IS NULL OR f.feedback_type = :feedbackType)
              AND (CAST(:assignee AS text) IS NULL OR f.assignee = :assignee)
            """;

    /**
     * A search finds grouped feedback through the description index and reads the descriptions of feedback not
     * grouped yet, which that index does not hold: two queries, each ordered and limited, so that the estimate of one
     * (many feedback not grouped yet, after a burst) never makes PostgreSQL walk every feedback for the other. The
     * second {@code problem_id IS NOT NULL} looks redundant but is what lets PostgreSQL use that partial index.
     */
    String GROUPED_TEXT = """
              AND f.problem_id IS NOT NULL AND inbox_text_grams(f.description) @> inbox_search_grams(:text)
              AND strpos(lower(f.description), lower(:text)) > 0
            """;
    String UNGROUPED_TEXT = """
              AND f.problem_id IS NULL AND strpos(lower(f.description), lower(:text)) > 0
            """;
    String WITHOUT_TEXT = " AND CAST(:text AS text) IS NULL\n";
    String MATCHING = "WHERE " + FILTERS + WITHOUT_TEXT;
    String AFTER_NEWEST = """
              AND (CAST(:afterReceivedAt AS timestamptz) IS NULL
                   OR (f.received_at, f.event_id) < (:afterReceivedAt, :afterEventId))
            """;
    String NEWEST = " ORDER BY f.received_at DESC, f.event_id DESC LIMIT :limit";
    String AFTER_PRIORITY = """
              AND (CAST(:afterPriority AS text) IS NULL OR f.priority > :afterPriority
                   OR (f.priority = :afterPriority AND (f.received_at, f.event_id) < (:afterReceivedAt, :afterEventId)))
            """;
    String BY_PRIORITY = " ORDER BY f.priority, f.received_at DESC, f.event_id DESC LIMIT :limit";

    /** Newest first, after the given position when there is one. */
    @Query(SELECT_VIEW + MATCHING + AFTER_NEWEST + NEWEST)
    List<FeedbackView> listNewest(@Nullable String appId, @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                  @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                  @Nullable Integer feedbackType, @Nullable String assignee, @Nullable String text,
                                  @Nullable Instant afterReceivedAt, @Nullable String afterEventId, int limit);

    /** P1 first, newest first within a priority, after the given position when there is one. */
    @Query(SELECT_VIEW + MATCHING + AFTER_PRIORITY + BY_PRIORITY)
    List<FeedbackView> listByPriority(@Nullable String appId,
                                      @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                      @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                      @Nullable Integer feedbackType, @Nullable String assignee,
                                      @Nullable String text, @Nullable String afterPriority,
                                      @Nullable Instant afterReceivedAt, @Nullable String afterEventId, int limit);

    /** As {@link #listNewest}, of the feedback whose description contains the text. */
    @Query(SELECT_VIEW + "WHERE f.event_id IN ((SELECT f.event_id FROM feedback f WHERE " + FILTERS + GROUPED_TEXT
            + AFTER_NEWEST + NEWEST + ") UNION ALL (SELECT f.event_id FROM feedback f WHERE " + FILTERS
            + UNGROUPED_TEXT + AFTER_NEWEST + NEWEST + "))" + NEWEST)
    List<FeedbackView> searchNewest(@Nullable String appId,
                                    @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                    @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                    @Nullable Integer feedbackType, @Nullable String assignee, String text,
                                    @Nullable Instant afterReceivedAt, @Nullable String afterEventId, int limit);

    /** As {@link #listByPriority}, of the feedback whose description contains the text. */
    @Query(SELECT_VIEW + "WHERE f.event_id IN ((SELECT f.event_id FROM feedback f WHERE " + FILTERS + GROUPED_TEXT
            + AFTER_PRIORITY + BY_PRIORITY + ") UNION ALL (SELECT f.event_id FROM feedback f WHERE " + FILTERS
            + UNGROUPED_TEXT + AFTER_PRIORITY + BY_PRIORITY + "))" + BY_PRIORITY)
    List<FeedbackView> searchByPriority(@Nullable String appId,
                                        @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                        @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                        @Nullable Integer feedbackType, @Nullable String assignee, String text,
                                        @Nullable String afterPriority, @Nullable Instant afterReceivedAt,
                                        @Nullable String afterEventId, int limit);
}
