package dev.larkinbox.outbound.db.release;

import dev.larkinbox.outbound.db.inbox.FeedbackRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** An app's problems in a time: by {@code problem_by_app_first_seen} and {@code problem_regression_by_time}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReleaseRepository extends GenericRepository<FeedbackRow, String> {

    @Query("""
            SELECT problem_id, title, report_count AS count, status, priority, first_seen AS at FROM problem
            WHERE app_id = :appId AND first_seen >= :from AND first_seen < :to
            ORDER BY first_seen, problem_id LIMIT :limit""")
    List<ReleaseProblemView> firstSeen(String appId, Instant from, Instant to, int limit);

    @Query("""
            SELECT p.problem_id, p.title, p.report_count AS count, p.status, p.priority, r.regressed_at AS at
            FROM problem_regression r JOIN problem p ON p.problem_id = r.problem_id
            WHERE p.app_id = :appId AND r.regressed_at >= :from AND r.regressed_at < :to
            ORDER BY r.regressed_at, p.problem_id LIMIT :limit""")
    List<ReleaseProblemView> regressed(String appId, Instant from, Instant to, int limit);
}
