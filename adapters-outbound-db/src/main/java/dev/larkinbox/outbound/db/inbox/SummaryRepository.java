package dev.larkinbox.outbound.db.inbox;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** The counts of the dashboard, each one GROUP BY over the indexed receive time or status. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SummaryRepository extends GenericRepository<FeedbackRow, String> {

    /** @param day the UTC day, as ISO text */
    @Introspected
    record DayCount(String day, String priority, long count) {
    }

    @Introspected
    record KindCount(int kind, long count) {
    }

    @Query("""
            SELECT CAST(CAST(received_at AT TIME ZONE 'UTC' AS date) AS text) AS day, priority, count(*) AS count
            FROM feedback WHERE received_at >= :since AND received_at <= :now
            GROUP BY 1, 2""")
    List<DayCount> perDay(Instant since, Instant now);

    @Query("""
            SELECT k AS kind, count(*) AS count
            FROM feedback, unnest(fault_types) AS k
            WHERE received_at >= :since AND received_at <= :now
            GROUP BY k""")
    List<KindCount> perFaultKind(Instant since, Instant now);

    @Introspected
    /** Open feedback under a day old, a day to a week, a week to a month, and older. */
    record AgeCounts(long day, long week, long month, long older) {
    }

    /** Open feedback by how long before {@code now} it came: each bound is the start of an older age. */
    @Query("""
            SELECT count(*) FILTER (WHERE received_at > :aDayAgo) AS day,
                   count(*) FILTER (WHERE received_at <= :aDayAgo AND received_at > :aWeekAgo) AS week,
                   count(*) FILTER (WHERE received_at <= :aWeekAgo AND received_at > :aMonthAgo) AS month,
                   count(*) FILTER (WHERE received_at <= :aMonthAgo) AS older
            FROM feedback
            WHERE status IN ('new', 'acknowledged', 'in_progress') AND received_at <= :now""")
    AgeCounts openByAge(Instant now, Instant aDayAgo, Instant aWeekAgo, Instant aMonthAgo);

    @Introspected
    record PriorityCount(String priority, long count) {
    }

    @Query("""
            SELECT priority, count(*) AS count FROM feedback
            WHERE status IN ('new', 'acknowledged', 'in_progress') GROUP BY priority""")
    List<PriorityCount> openByPriority();

    @Query("SELECT count(*) FROM feedback WHERE received_at >= :since")
    long arrivedSince(Instant since);

    /** A feedback resolved, reopened and closed again in the time counts once. */
    @Query("""
            SELECT count(DISTINCT feedback_id) FROM feedback_history
            WHERE changed_at >= :since AND to_status IN ('resolved', 'closed') AND from_status <> to_status""")
    long resolvedSince(Instant since);
}
