package dev.larkinbox.outbound.db.problem;

import dev.larkinbox.outbound.db.inbox.FeedbackRepository;
import dev.larkinbox.outbound.db.inbox.FeedbackView;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * What a grouping round reads and writes. A batch binds one array per column, which {@code unnest} turns into rows
 * (a list per row is a {@link Slices slice} of one more array), so that a round costs a few statements whatever
 * its size.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GroupingRepository extends GenericRepository<ProblemView, String> {

    /** One grouping round at a time across every instance: the lock is the transaction's. */
    long GROUPING_LOCK = 0x6c61726b_67727570L;

    @Query("SELECT pg_try_advisory_xact_lock(" + GROUPING_LOCK + ")")
    boolean tryGroupingLock();

    @Query("SELECT pg_advisory_xact_lock(" + GROUPING_LOCK + ") IS NOT NULL")
    boolean waitForGroupingLock();

    /**
     * What waits, received first first, up to the limit ({@code ?}): read by {@link PostgresGroupingRound} on plain
     * JDBC, as {@link FeedbackView#read} maps a row (the repository's mapping of each row's thirty columns by name
     * cost more of a round's time than any other of its Java).
     */
    String UNGROUPED = FeedbackRepository.SELECT_VIEW + """
            WHERE f.feedback_id = ANY (ARRAY(
                SELECT feedback_id FROM grouping_queue ORDER BY received_at, event_id LIMIT ?))
            ORDER BY f.received_at, f.event_id""";

    /**
     * The most recently seen problems of each key, through {@code problem_by_key}: comparing with many more would
     * make a round slower for little; a key's fault types are the slice of {@code faults} its row names.
     */
    @Query("""
            SELECT c.problem_id, c.app_id, c.feedback_type, c.fault_types, c.feedback_path, c.description, c.status
            FROM unnest(CAST(:appIds AS text[]), CAST(:feedbackTypes AS integer[]), CAST(:firstFaults AS integer[]),
                        CAST(:lastFaults AS integer[]), CAST(:paths AS text[]))
                 AS k (app_id, feedback_type, first_fault, last_fault, feedback_path)
            CROSS JOIN LATERAL (
                SELECT p.problem_id, p.app_id, p.feedback_type, p.fault_types, p.feedback_path, f.description,
                       p.status, p.last_seen
                FROM problem p JOIN feedback f ON f.feedback_id = p.first_feedback_id
                WHERE p.grouping_key = problem_key(k.app_id, k.feedback_type,
                                                   (CAST(:faults AS integer[]))[k.first_fault : k.last_fault],
                                                   k.feedback_path)
                ORDER BY p.last_seen DESC, p.problem_id DESC
                LIMIT :limit) c
            ORDER BY c.last_seen DESC, c.problem_id DESC""")
    List<CandidateView> candidates(@TypeDef(type = DataType.STRING_ARRAY) String[] appIds,
                                   @TypeDef(type = DataType.INTEGER_ARRAY) int[] feedbackTypes,
                                   @TypeDef(type = DataType.INTEGER_ARRAY) int[] firstFaults,
                                   @TypeDef(type = DataType.INTEGER_ARRAY) int[] lastFaults,
                                   @TypeDef(type = DataType.STRING_ARRAY) String[] paths,
                                   @TypeDef(type = DataType.INTEGER_ARRAY) int[] faults, int limit);

    @Query("""
            SELECT problem_id FROM problem WHERE spiking_since IS NOT NULL
            ORDER BY assessed_at NULLS FIRST, problem_id LIMIT :limit""")
    List<String> spiking(int limit);

    /** Problems, each started by its first report: {@code NEW}, counting nothing until its reports join it. */
    @Query("""
            INSERT INTO problem (problem_id, app_id, feedback_type, fault_types, feedback_path, first_feedback_id,
                                 title, first_seen, last_seen, status, members_priority, priority, reasons)
            SELECT s.problem_id, s.app_id, s.feedback_type, (CAST(:faults AS integer[]))[s.first_fault : s.last_fault],
                   s.feedback_path, s.first_feedback_id, s.title, s.received_at, s.received_at, 'new', s.priority,
                   s.priority, (CAST(:reasons AS text[]))[s.first_reason : s.last_reason]
            FROM unnest(CAST(:problemIds AS text[]), CAST(:appIds AS text[]), CAST(:feedbackTypes AS integer[]),
                        CAST(:firstFaults AS integer[]), CAST(:lastFaults AS integer[]), CAST(:paths AS text[]),
                        CAST(:firstFeedbackIds AS text[]), CAST(:titles AS text[]),
                        CAST(CAST(:receivedAtTexts AS text[]) AS timestamptz[]), CAST(:priorities AS text[]),
                        CAST(:firstReasons AS integer[]), CAST(:lastReasons AS integer[]))
                 AS s (problem_id, app_id, feedback_type, first_fault, last_fault, feedback_path, first_feedback_id,
                       title, received_at, priority, first_reason, last_reason)""")
    void start(@TypeDef(type = DataType.STRING_ARRAY) String[] problemIds,
               @TypeDef(type = DataType.STRING_ARRAY) String[] appIds,
               @TypeDef(type = DataType.INTEGER_ARRAY) int[] feedbackTypes,
               @TypeDef(type = DataType.INTEGER_ARRAY) int[] firstFaults,
               @TypeDef(type = DataType.INTEGER_ARRAY) int[] lastFaults,
               @TypeDef(type = DataType.STRING_ARRAY) String[] paths,
               @TypeDef(type = DataType.STRING_ARRAY) String[] firstFeedbackIds,
               @TypeDef(type = DataType.STRING_ARRAY) String[] titles,
               @TypeDef(type = DataType.STRING_ARRAY) String[] receivedAtTexts,
               @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
               @TypeDef(type = DataType.INTEGER_ARRAY) int[] faults,
               @TypeDef(type = DataType.INTEGER_ARRAY) int[] firstReasons,
               @TypeDef(type = DataType.INTEGER_ARRAY) int[] lastReasons,
               @TypeDef(type = DataType.STRING_ARRAY) String[] reasons);

    /**
     * Each feedback not in a problem yet joins its problem, for its reasons, and leaves the queue; each problem counts
     * those that joined it, per second too, and their tenants it had not seen; and takes its latest spike assessment.
     * Every row written is narrow and found by its key, so a round costs the same whatever the size of its problems;
     * a feedback already in a problem (a round that ran before) joins nothing and counts nothing. A problem's row is
     * written once for both: its counts change an index, so each update of the row writes every index of the table.
     * An assessment that changes nothing (a problem that neither spikes nor spiked and keeps its priority) does not
     * rewrite the row; when it was assessed matters only while it spikes.
     *
     * @return the problems written (a statement that begins with {@code WITH} is run as a query)
     */
    @Query("""
            WITH a AS (
                SELECT * FROM unnest(CAST(:feedbackIds AS text[]), CAST(:problemIds AS text[]),
                                     CAST(CAST(:receivedAtTexts AS text[]) AS timestamptz[]),
                                     CAST(:eventIds AS text[]), CAST(:tenantKeys AS text[]),
                                     CAST(:priorities AS text[]), CAST(:firstReasons AS integer[]),
                                     CAST(:lastReasons AS integer[]))
                     AS a (feedback_id, problem_id, received_at, event_id, tenant_key, priority, first_reason,
                           last_reason)
            ), dequeued AS (
                DELETE FROM grouping_queue q USING a
                WHERE q.received_at = a.received_at AND q.event_id = a.event_id
            ), inserted AS (
                INSERT INTO problem_feedback (feedback_id, problem_id, received_at, event_id, grouping_reasons)
                SELECT feedback_id, problem_id, received_at, event_id,
                       (CAST(:reasons AS text[]))[first_reason : last_reason]
                FROM a ORDER BY feedback_id
                ON CONFLICT DO NOTHING
                RETURNING feedback_id
            ), joined AS (
                SELECT a.* FROM a JOIN inserted USING (feedback_id)
            ), per_second AS (
                INSERT INTO problem_reports (problem_id, at_second, reports)
                SELECT problem_id, date_trunc('second', received_at), count(*) FROM joined GROUP BY 1, 2
                ON CONFLICT (problem_id, at_second) DO UPDATE SET reports = problem_reports.reports + excluded.reports
            ), new_tenants AS (
                INSERT INTO problem_tenant (problem_id, tenant_key)
                SELECT DISTINCT problem_id, tenant_key FROM joined WHERE tenant_key IS NOT NULL
                ON CONFLICT DO NOTHING
                RETURNING problem_id
            ), assessed AS (
                SELECT * FROM unnest(CAST(:assessedIds AS text[]),
                                     CAST(CAST(:spikingSinceTexts AS text[]) AS timestamptz[]),
                                     CAST(:assessedPriorities AS text[]), CAST(:firstSpikeReasons AS integer[]),
                                     CAST(:lastSpikeReasons AS integer[]))
                     AS s (problem_id, spiking_since, priority, first_reason, last_reason)
            ), changes AS (
                SELECT problem_id, j.joined, j.first_seen, j.last_seen, j.priority AS members_priority, t.added,
                       s.problem_id IS NOT NULL AS assessed, s.spiking_since, s.priority,
                       (CAST(:spikeReasons AS text[]))[s.first_reason : s.last_reason] AS spike_reasons
                FROM (SELECT problem_id, count(*) AS joined, min(received_at) AS first_seen,
                             max(received_at) AS last_seen, min(priority) AS priority
                      FROM joined GROUP BY problem_id) AS j
                     FULL JOIN assessed AS s USING (problem_id)
                     LEFT JOIN (SELECT problem_id, count(*) AS added FROM new_tenants GROUP BY problem_id) AS t
                     USING (problem_id)
            )
            UPDATE problem p SET report_count = p.report_count + coalesce(c.joined, 0),
                first_seen = least(p.first_seen, c.first_seen), last_seen = greatest(p.last_seen, c.last_seen),
                members_priority = least(p.members_priority, c.members_priority),
                tenants = p.tenants + coalesce(c.added, 0),
                spiking_since = CASE WHEN c.assessed THEN c.spiking_since ELSE p.spiking_since END,
                priority = CASE WHEN c.assessed THEN c.priority ELSE p.priority END,
                spike_reasons = CASE WHEN c.assessed THEN c.spike_reasons ELSE p.spike_reasons END,
                assessed_at = CASE WHEN c.assessed AND (p.spiking_since IS NOT NULL OR c.spiking_since IS NOT NULL
                                                        OR p.priority <> c.priority)
                                   THEN now() ELSE p.assessed_at END
            FROM changes c
            WHERE p.problem_id = c.problem_id
              AND (c.joined IS NOT NULL OR p.spiking_since IS NOT NULL OR c.spiking_since IS NOT NULL
                   OR p.priority <> c.priority)
            RETURNING p.problem_id""")
    List<String> write(@TypeDef(type = DataType.STRING_ARRAY) String[] feedbackIds,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] problemIds,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] receivedAtTexts,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] eventIds,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] tenantKeys,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] priorities,
                       @TypeDef(type = DataType.INTEGER_ARRAY) int[] firstReasons,
                       @TypeDef(type = DataType.INTEGER_ARRAY) int[] lastReasons,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] reasons,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] assessedIds,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] spikingSinceTexts,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] assessedPriorities,
                       @TypeDef(type = DataType.INTEGER_ARRAY) int[] firstSpikeReasons,
                       @TypeDef(type = DataType.INTEGER_ARRAY) int[] lastSpikeReasons,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] spikeReasons);

    @Query("UPDATE problem SET status = :status, regression = :reason WHERE problem_id = :problemId")
    void reopen(String problemId, String status, String reason);

    /**
     * The oldest waiting, and those received after {@code since} counted up to {@code countUpTo}: two short scans of
     * the queue's key, however much waits.
     */
    @Query("""
            SELECT (SELECT received_at FROM grouping_queue ORDER BY received_at, event_id LIMIT 1) AS oldest,
                   CAST((SELECT count(*) FROM (SELECT 1 FROM grouping_queue WHERE received_at > :since
                                               LIMIT :countUpTo) r) AS integer) AS arrived""")
    BacklogView backlog(Instant since, int countUpTo);

    @Query("""
            SELECT problem_id, members_priority, spiking_since FROM problem
            WHERE problem_id = ANY (CAST(:problemIds AS text[]))""")
    List<PulseView> pulses(@TypeDef(type = DataType.STRING_ARRAY) String[] problemIds);

    @Query("""
            SELECT problem_id, at_second, reports FROM problem_reports
            WHERE problem_id = ANY (CAST(:problemIds AS text[]))
              AND at_second >= date_trunc('second', CAST(:since AS timestamptz))""")
    List<ReportsInSecond> reportsPerSecond(@TypeDef(type = DataType.STRING_ARRAY) String[] problemIds, Instant since);

    /**
     * Merges the descriptions stored since the last round from the pending list of their index into the index
     * itself, so that storing a feedback only appends to that list (see V21).
     */
    @Query("SELECT gin_clean_pending_list(CAST('feedback_description_grams' AS regclass))")
    long indexDescriptions();

    /** Chat cards announcing spikes and regressions; each occasion once, whatever announces it again. */
    @Query("""
            INSERT INTO card_outbox (feedback_id, kind, requested_at, next_attempt_at, problem_id, occasion)
            SELECT a.feedback_id, a.kind, a.requested_at, a.requested_at, a.problem_id, a.occasion
            FROM unnest(CAST(:feedbackIds AS text[]), CAST(:kinds AS text[]),
                        CAST(CAST(:requestedAtTexts AS text[]) AS timestamptz[]), CAST(:problemIds AS text[]),
                        CAST(:occasions AS text[])) WITH ORDINALITY
                 AS a (feedback_id, kind, requested_at, problem_id, occasion, n)
            ORDER BY a.n
            ON CONFLICT DO NOTHING""")
    void announce(@TypeDef(type = DataType.STRING_ARRAY) String[] feedbackIds,
                  @TypeDef(type = DataType.STRING_ARRAY) String[] kinds,
                  @TypeDef(type = DataType.STRING_ARRAY) String[] requestedAtTexts,
                  @TypeDef(type = DataType.STRING_ARRAY) String[] problemIds,
                  @TypeDef(type = DataType.STRING_ARRAY) String[] occasions);
}
