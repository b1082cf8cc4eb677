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

    @Query("UPDATE problem_feedback SET problem_id = :intoProblemId WHERE problem_id = :problemId")
    void moveFeedback(String problemId, String intoProblemId);

    /** The first problem's tenants are the second's too; the first's go with it. */
    @Query("""
            INSERT INTO problem_tenant (problem_id, tenant_key)
            SELECT :intoProblemId, tenant_key FROM problem_tenant WHERE problem_id = :problemId
            ON CONFLICT DO NOTHING""")
    void moveTenants(String problemId, String intoProblemId);

    /** The reports per second of the first problem count for the second; the first's go with it. */
    @Query("""
            INSERT INTO problem_reports (problem_id, at_second, reports)
            SELECT :intoProblemId, at_second, reports FROM problem_reports WHERE problem_id = :problemId
            ON CONFLICT (problem_id, at_second) DO UPDATE SET reports = problem_reports.reports + excluded.reports""")
    void moveReports(String problemId, String intoProblemId);

    @Query("DELETE FROM problem WHERE problem_id = :problemId")
    void delete(String problemId);

    @Query("""
            UPDATE problem p SET (report_count, first_seen, last_seen, members_priority) = (
                    SELECT count(*), min(m.received_at), max(m.received_at), min(f.priority)
                    FROM problem_feedback m JOIN feedback f ON f.feedback_id = m.feedback_id
                    WHERE m.problem_id = p.problem_id),
                tenants = (SELECT count(*) FROM problem_tenant t WHERE t.problem_id = p.problem_id)
            WHERE p.problem_id = :problemId""")
    void recount(String problemId);

    @Query("SELECT " + ProblemView.COLUMNS + " FROM problem p WHERE p.problem_id = :problemId")
    Optional<ProblemView> find(String problemId);

    @Query("SELECT " + ProblemView.COLUMNS + """
             FROM problem p WHERE p.app_id = :appId AND p.feedback_type = :feedbackType
            ORDER BY p.last_seen DESC, p.problem_id DESC
            LIMIT :limit""")
    List<ProblemView> seenRecently(String appId, int feedbackType, int limit);

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

    /** Found through {@code problem_feedback_newest}: a page reads its own feedback rows only. */
    @Query(FeedbackRepository.SELECT_VIEW + """
            WHERE f.feedback_id = ANY (ARRAY(
                SELECT m.feedback_id FROM problem_feedback m
                WHERE m.problem_id = :problemId
                  AND (CAST(:afterReceivedAt AS timestamptz) IS NULL
                       OR (m.received_at, m.event_id) < (:afterReceivedAt, :afterEventId))
                ORDER BY m.received_at DESC, m.event_id DESC
                LIMIT :limit))
            ORDER BY f.received_at DESC, f.event_id DESC""")
    List<FeedbackView> members(String problemId, @Nullable Instant afterReceivedAt, @Nullable String afterEventId,
                               int limit);
}
