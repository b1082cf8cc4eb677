package dev.larkinbox.outbound.db.inbox;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The counts of the dashboard and the digest: the dashboard's from the tallies kept as feedback is written. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SummaryRepository extends GenericRepository<FeedbackRow, String> {

    /** @param day the UTC day, as ISO text */
    @Introspected
    record DayCount(String day, String priority, long count) {
    }

    @Introspected
    record KindCount(int kind, long count) {
    }

    /**
     * Feedback per UTC day and priority from the tallies (V19): what is folded, plus the changes not folded yet.
     *
     * @param appId the app counted, or null for every app
     */
    @Query("""
            SELECT CAST(day AS text) AS day, priority, sum(n) AS count
            FROM (SELECT day, app_id, priority, n FROM feedback_tally WHERE day BETWEEN :first AND :last
                  UNION ALL
                  SELECT day, app_id, priority, n FROM feedback_tally_change WHERE day BETWEEN :first AND :last) t
            WHERE CAST(:appId AS text) IS NULL OR app_id = :appId
            GROUP BY day, priority""")
    List<DayCount> perDay(@Nullable String appId, LocalDate first, LocalDate last);

    @Query("""
            SELECT kind, sum(n) AS count
            FROM (SELECT app_id, kind, n FROM fault_kind_tally WHERE day BETWEEN :first AND :last
                  UNION ALL
                  SELECT app_id, kind, n FROM fault_kind_tally_change WHERE day BETWEEN :first AND :last) t
            WHERE CAST(:appId AS text) IS NULL OR app_id = :appId
            GROUP BY kind""")
    List<KindCount> perFaultKind(@Nullable String appId, LocalDate first, LocalDate last);

    /** Open feedback per UTC day, up to the last. */
    @Query("""
            SELECT CAST(day AS text) AS day, 'open' AS priority, sum(n) AS count
            FROM (SELECT day, app_id, n FROM feedback_tally
                  WHERE day <= :last AND status IN ('new', 'acknowledged', 'in_progress')
                  UNION ALL
                  SELECT day, app_id, n FROM feedback_tally_change
                  WHERE day <= :last AND status IN ('new', 'acknowledged', 'in_progress')) t
            WHERE CAST(:appId AS text) IS NULL OR app_id = :appId
            GROUP BY day""")
    List<DayCount> openPerDay(@Nullable String appId, LocalDate last);

    /**
     * Open feedback received from {@code from} to {@code to}, both included: the part of a day before an age's bound,
     * which the day's tally cannot tell, read from the feedback through its status index.
     */
    @Query("""
            SELECT count(*) FROM feedback
            WHERE status IN ('new', 'acknowledged', 'in_progress') AND received_at >= :from AND received_at <= :to
              AND (CAST(:appId AS text) IS NULL OR app_id = :appId)""")
    long openBetween(@Nullable String appId, Instant from, Instant to);

    /**
     * The feedback of an app (or of every app), of some statuses and priorities (none: all), only those nobody is
     * assigned when {@code unassigned}, from the tallies, as {@link #perDay}: the inbox counts what its filter and each
     * view match at each render, and counting a million rows took longer than the page may.
     */
    @Query("""
            SELECT coalesce(sum(n), 0)
            FROM (SELECT app_id, priority, status, assigned, n FROM feedback_tally
                  UNION ALL
                  SELECT app_id, priority, status, assigned, n FROM feedback_tally_change) t
            WHERE (CAST(:appId AS text) IS NULL OR app_id = :appId)
              AND (cardinality(CAST(:statuses AS text[])) = 0 OR status = ANY (:statuses))
              AND (cardinality(CAST(:priorities AS text[])) = 0 OR priority = ANY (:priorities))
              AND (NOT :unassigned OR NOT assigned)""")
    long tallied(@Nullable String appId, @TypeDef(type = DataType.STRING_ARRAY) String[] statuses,
                 @TypeDef(type = DataType.STRING_ARRAY) String[] priorities, boolean unassigned);

    @Introspected
    record PriorityCount(String priority, long count) {
    }

    /** From the tallies, as {@link #perDay}: counting the open feedback read most of a million rows. */
    @Query("""
            SELECT priority, sum(n) AS count
            FROM (SELECT priority, n FROM feedback_tally WHERE status IN ('new', 'acknowledged', 'in_progress')
                  UNION ALL
                  SELECT priority, n FROM feedback_tally_change
                  WHERE status IN ('new', 'acknowledged', 'in_progress')) t
            GROUP BY priority HAVING sum(n) > 0""")
    List<PriorityCount> openByPriority();

    @Query("SELECT count(*) FROM feedback WHERE received_at >= :since")
    long arrivedSince(Instant since);

    /** A feedback resolved, reopened and closed again in the time counts once. */
    @Query("""
            SELECT count(DISTINCT feedback_id) FROM feedback_history
            WHERE changed_at >= :since AND to_status IN ('resolved', 'closed') AND from_status <> to_status""")
    long resolvedSince(Instant since);
}
