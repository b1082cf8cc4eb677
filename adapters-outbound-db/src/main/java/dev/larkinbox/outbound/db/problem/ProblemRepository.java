package dev.larkinbox.outbound.db.problem;

import dev.larkinbox.outbound.db.inbox.FeedbackRepository;
import dev.larkinbox.outbound.db.inbox.FeedbackView;
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

/** Problems, and their feedback. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProblemRepository extends GenericRepository<ProblemView, String> {

    /** One grouping round at a time across every instance: the lock is the transaction's. */
    long GROUPING_LOCK = 0x6c61726b_67727570L;

    @Query("SELECT pg_try_advisory_xact_lock(" + GROUPING_LOCK + ")")
    boolean tryGroupingLock();

    @Query("SELECT pg_advisory_xact_lock(" + GROUPING_LOCK + ") IS NOT NULL")
    boolean waitForGroupingLock();

    @Query(FeedbackRepository.SELECT_VIEW + """
            WHERE f.problem_id IS NULL
            ORDER BY f.received_at, f.event_id
            LIMIT :limit""")
    List<FeedbackView> ungrouped(int limit);

    /** The most recently seen problems of a key: comparing with many more would not make a round slower for less. */
    @Query("""
            SELECT p.problem_id, p.app_id, p.feedback_type, p.fault_types, p.feedback_path, f.description, p.status
            FROM problem p JOIN feedback f ON f.feedback_id = p.first_feedback_id
            WHERE (p.app_id = :appId OR (p.app_id IS NULL AND CAST(:appId AS text) IS NULL))
              AND p.feedback_type = :feedbackType AND p.fault_types = :faultTypes
              AND (p.feedback_path = :feedbackPath OR (p.feedback_path IS NULL AND CAST(:feedbackPath AS text) IS NULL))
            ORDER BY p.last_seen DESC, p.problem_id DESC
            LIMIT :limit""")
    List<CandidateView> candidates(@Nullable String appId, int feedbackType,
                                   @TypeDef(type = DataType.INTEGER_ARRAY) int[] faultTypes,
                                   @Nullable String feedbackPath, int limit);

    @Query("SELECT problem_id FROM problem WHERE spiking_since IS NOT NULL ORDER BY problem_id")
    List<String> spiking();

    @Query("""
            INSERT INTO problem (problem_id, app_id, feedback_type, fault_types, feedback_path, first_feedback_id, title,
                                 first_seen, last_seen, status, members_priority, priority, reasons)
            VALUES (:problemId, :appId, :feedbackType, :faultTypes, :feedbackPath, :firstFeedbackId, :title,
                    :receivedAt, :receivedAt, 'new', :priority, :priority, :reasons)""")
    void insert(String problemId, @Nullable String appId, int feedbackType,
                @TypeDef(type = DataType.INTEGER_ARRAY) int[] faultTypes, @Nullable String feedbackPath,
                String firstFeedbackId, @Nullable String title, Instant receivedAt, String priority,
                @TypeDef(type = DataType.STRING_ARRAY) String[] reasons);

    /**
     * Counts the reports that just joined the problem (their ids, and their tenants without repeats); a tenant
     * is a new one unless a report of the problem from before names it.
     */
    @Query("""
            UPDATE problem SET report_count = report_count + :joined,
                first_seen = least(first_seen, :firstSeen), last_seen = greatest(last_seen, :lastSeen),
                members_priority = least(members_priority, :priority),
                tenants = tenants + (SELECT count(*) FROM unnest(CAST(:tenantKeys AS text[])) AS t (tenant_key)
                    WHERE NOT EXISTS (SELECT 1 FROM feedback f WHERE f.problem_id = :problemId
                        AND f.tenant_key = t.tenant_key AND f.feedback_id <> ALL (CAST(:feedbackIds AS text[]))))
            WHERE problem_id = :problemId""")
    void countJoined(String problemId, int joined, Instant firstSeen, Instant lastSeen, String priority,
                     @TypeDef(type = DataType.STRING_ARRAY) String[] tenantKeys,
                     @TypeDef(type = DataType.STRING_ARRAY) String[] feedbackIds);

    @Query("UPDATE problem SET status = :status, regression = :reason WHERE problem_id = :problemId")
    void reopen(String problemId, String status, String reason);

    @Query("SELECT members_priority, spiking_since FROM problem WHERE problem_id = :problemId")
    PulseView pulse(String problemId);

    /**
     * Its reports since then, counted per second: a hot problem has thousands of reports in a spike's baseline,
     * which would otherwise be read one row each, every round.
     */
    @Query("""
            SELECT date_trunc('second', received_at) AS at, count(*) AS reports FROM feedback
            WHERE problem_id = :problemId AND received_at >= :since
            GROUP BY 1 ORDER BY 1""")
    List<ReportsInSecond> reportsPerSecond(String problemId, Instant since);

    @Query("""
            UPDATE problem SET spiking_since = :spikingSince, priority = :priority, spike_reasons = :reasons
            WHERE problem_id = :problemId""")
    void assessed(String problemId, @Nullable Instant spikingSince, String priority,
                  @TypeDef(type = DataType.STRING_ARRAY) String[] reasons);

    @Query("""
            INSERT INTO card_outbox (feedback_id, kind, requested_at, next_attempt_at, problem_id, occasion)
            VALUES (CAST(:feedbackId AS text), :kind, :requestedAt, :requestedAt, :problemId, :occasion)
            ON CONFLICT DO NOTHING""")
    void announce(@Nullable String feedbackId, String kind, String problemId, String occasion, Instant requestedAt);

    @Query("UPDATE problem SET status = :status WHERE problem_id = :problemId")
    int moveTo(String problemId, String status);

    @Query("SELECT count(*) FROM problem WHERE problem_id IN (:problemId, :intoProblemId)")
    int existing(String problemId, String intoProblemId);

    /** The merged problem keeps the more urgent priority of the two, and the reason. */
    @Query("""
            UPDATE problem SET priority = least(priority, (SELECT priority FROM problem WHERE problem_id = :problemId)),
                reasons = reasons || CAST(:reason AS text)
            WHERE problem_id = :intoProblemId""")
    void absorb(String problemId, String intoProblemId, String reason);

    @Query("UPDATE feedback SET problem_id = :intoProblemId WHERE problem_id = :problemId")
    void moveFeedback(String problemId, String intoProblemId);

    @Query("DELETE FROM problem WHERE problem_id = :problemId")
    void delete(String problemId);

    @Query("""
            UPDATE problem p SET (report_count, tenants, first_seen, last_seen, members_priority) = (
                SELECT count(*), count(DISTINCT f.tenant_key), min(f.received_at), max(f.received_at), min(f.priority)
                FROM feedback f WHERE f.problem_id = p.problem_id)
            WHERE p.problem_id = :problemId""")
    void recount(String problemId);

    @Query("SELECT " + ProblemView.COLUMNS + " FROM problem p WHERE p.problem_id = :problemId")
    Optional<ProblemView> find(String problemId);

    @Query("SELECT EXISTS (SELECT 1 FROM problem WHERE problem_id = :problemId)")
    boolean exists(String problemId);

    String MATCHING = """
            WHERE (CAST(:appId AS text) IS NULL OR p.app_id = :appId)
              AND (cardinality(CAST(:statuses AS text[])) = 0 OR p.status = ANY (:statuses))
              AND (cardinality(CAST(:priorities AS text[])) = 0 OR p.priority = ANY (:priorities))
              AND (CAST(:spiking AS boolean) IS NULL OR (p.spiking_since IS NOT NULL) = :spiking)
            """;

    @Query("SELECT " + ProblemView.COLUMNS + " FROM problem p " + MATCHING + """
              AND (CAST(:afterLastSeen AS timestamptz) IS NULL
                   OR (p.last_seen, p.problem_id) < (:afterLastSeen, :afterProblemId))
            ORDER BY p.last_seen DESC, p.problem_id DESC
            LIMIT :limit""")
    List<ProblemView> listLastSeen(@Nullable String appId, @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                   @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                   @Nullable Boolean spiking, @Nullable Instant afterLastSeen,
                                   @Nullable String afterProblemId, int limit);

    @Query("SELECT " + ProblemView.COLUMNS + " FROM problem p " + MATCHING + """
              AND (CAST(:afterCount AS bigint) IS NULL OR p.report_count < :afterCount
                   OR (p.report_count = :afterCount AND (p.last_seen, p.problem_id) < (:afterLastSeen, :afterProblemId)))
            ORDER BY p.report_count DESC, p.last_seen DESC, p.problem_id DESC
            LIMIT :limit""")
    List<ProblemView> listByCount(@Nullable String appId, @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                                  @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                                  @Nullable Boolean spiking, @Nullable Long afterCount,
                                  @Nullable Instant afterLastSeen, @Nullable String afterProblemId, int limit);

    @Query(FeedbackRepository.SELECT_VIEW + """
            WHERE f.problem_id = :problemId
              AND (CAST(:afterReceivedAt AS timestamptz) IS NULL
                   OR (f.received_at, f.event_id) < (:afterReceivedAt, :afterEventId))
            ORDER BY f.received_at DESC, f.event_id DESC
            LIMIT :limit""")
    List<FeedbackView> members(String problemId, @Nullable Instant afterReceivedAt, @Nullable String afterEventId,
                               int limit);
}
