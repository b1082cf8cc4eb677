package dev.larkinbox.outbound.db.bench;

import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackFilter;
import dev.larkinbox.domain.inbox.FeedbackInbox;
import dev.larkinbox.domain.inbox.FeedbackOrder;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.problem.DefaultGroupingPolicy;
import dev.larkinbox.domain.problem.DefaultSpikePolicy;
import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.domain.problem.GroupNewFeedbackService;
import dev.larkinbox.domain.problem.GroupingPace;
import dev.larkinbox.domain.problem.GroupingReport;
import dev.larkinbox.domain.problem.SpikeSettings;
import dev.larkinbox.domain.testing.ProblemPorts;
import dev.larkinbox.outbound.db.PostgresTestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * How fast grouping goes, against the embedded PostgreSQL the tests use (run by {@code bench/grouping.sh}):
 * <ol>
 *   <li>backlog: N varied feedback are stored, then grouped in rounds of 1000 back to back until none waits;</li>
 *   <li>alongside: N more are stored as fast as 32 threads can while grouping runs as the job runs it (every
 *   second, draining what waits, yielding to the burst up to {@code -Dbench.max-lag}, 30 s as the service's
 *   {@code inbox.problems.max-lag}), and the last is grouped some time after the last was acknowledged;</li>
 *   <li>storage: after a VACUUM, the bytes per stored event of each table and index ({@code bench/storage.sql});</li>
 *   <li>reads: the inbox's first pages that the indexes dropped for storage served, timed.</li>
 * </ol>
 * Prints a line per phase, the storage a line per table and index. Arguments: N (default 200000).
 */
public final class GroupingBench {
    /** As {@code GroupingJob} groups, unless {@code -Dbench.round} says another size. */
    private static final GroupNewFeedbackCommand ROUND = new GroupNewFeedbackCommand(Integer.getInteger("bench.round",
            1000));
    /** As {@code GroupingJob} paces its rounds by default, unless {@code -Dbench.max-lag} says other seconds. */
    private static final GroupNewFeedbackCommand PACED_ROUND = new GroupNewFeedbackCommand(ROUND.batchSize(),
            new GroupingPace(Duration.ofSeconds(Integer.getInteger("bench.max-lag", 30))));
    private static final int WRITERS = 32;

    private GroupingBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        ProblemPorts ports = PostgresTestDatabase.emptyProblemStore();
        GroupNewFeedback grouping = new GroupNewFeedbackService(ports.problems(), new DefaultGroupingPolicy(),
                new DefaultSpikePolicy(), SpikeSettings.DEFAULTS.history(), true, Clock.systemUTC());
        VariedFeedback corpus = new VariedFeedback(29);

        double storeSeconds = store(ports.inbox(), corpus, "backlog", n);
        long start = System.nanoTime();
        Totals totals = new Totals();
        GroupingReport round;
        do {
            long roundStart = System.nanoTime();
            round = grouping.group(ROUND);
            totals.add(round, System.nanoTime() - roundStart);
        } while (round.grouped() == ROUND.batchSize());
        double seconds = (System.nanoTime() - start) / 1e9;
        print("backlog: stored %d in %.1f s (%.0f/s); grouped %d in %.1f s: %.0f feedback/s; %d rounds, slowest "
                        + "%.0f ms; %d problems started, %d spikes", n, storeSeconds, n / storeSeconds,
                totals.grouped, seconds, totals.grouped / seconds, totals.rounds, totals.slowestNanos / 1e6,
                totals.started, totals.spikes);

        AtomicLong grouped = new AtomicLong();
        CompletableFuture<Long> allGrouped = new CompletableFuture<>();
        ScheduledExecutorService job = Executors.newSingleThreadScheduledExecutor();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean storedAll = new AtomicBoolean();
        job.scheduleWithFixedDelay(() -> {
            GroupingReport report;
            do {
                try {
                    report = grouping.group(PACED_ROUND);
                } catch (RuntimeException e) {
                    // as the job does (JobRun): the next run groups what this round did not; a task that threw
                    // would never run again. A round reported failed may have committed its grouping: once all
                    // are stored, none waiting is the end too.
                    failed.incrementAndGet();
                    if (storedAll.get() && nothingWaits()) {
                        allGrouped.complete(System.nanoTime());
                    }
                    return;
                }
                if (grouped.addAndGet(report.grouped()) >= n) {
                    allGrouped.complete(System.nanoTime());
                }
            } while (report.grouped() == ROUND.batchSize());
        }, 0, 1, TimeUnit.SECONDS);
        double alongsideSeconds = store(ports.inbox(), corpus, "alongside", n);
        long acknowledged = System.nanoTime();
        storedAll.set(true);
        long done = allGrouped.get(30, TimeUnit.MINUTES);
        job.shutdown();
        job.awaitTermination(1, TimeUnit.MINUTES);
        print("alongside: stored %d in %.1f s (%.0f/s) while grouping; the last was grouped %.1f s after the last "
                        + "acknowledgement; %d rounds failed", n, alongsideSeconds, n / alongsideSeconds,
                Math.max(0, done - acknowledged) / 1e9, failed.get());
        print("storage:%n%s", storage());
        reads(ports.inbox());
        System.exit(0);
    }

    private static boolean nothingWaits() {
        DataSource database = DelegatingDataSource.unwrapDataSource(
                PostgresTestDatabase.context().getBean(DataSource.class));
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT NOT EXISTS (SELECT FROM grouping_queue)")) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The bytes per stored event after a VACUUM, which has all the time it needs. */
    private static String storage() throws Exception {
        DataSource database = DelegatingDataSource.unwrapDataSource(
                PostgresTestDatabase.context().getBean(DataSource.class));
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = 0");
            s.execute("VACUUM ANALYZE");
            try (ResultSet rows = s.executeQuery(Files.readString(Path.of("bench/storage.sql")))) {
                return rows.next() ? rows.getString(1) : "";
            }
        }
    }

    /**
     * The inbox reads an index dropped for storage served (by feedback type, by assignee), beside the newest first:
     * the slowest of 15 first pages of 50 each.
     */
    private static void reads(FeedbackInbox inbox) {
        Map<String, FeedbackFilter> filters = new LinkedHashMap<>();
        filters.put("all", FeedbackFilter.ALL);
        filters.put("suggestions", new FeedbackFilter(null, Set.of(), Set.of(), FeedbackType.SUGGESTION, null, null));
        filters.put("faults", new FeedbackFilter(null, Set.of(), Set.of(), FeedbackType.FAULT, null, null));
        filters.put("assignee", new FeedbackFilter(null, Set.of(), Set.of(), null, "ou_nobody", null));
        StringBuilder line = new StringBuilder("reads (slowest of 15, first page of 50):");
        for (FeedbackOrder order : FeedbackOrder.values()) {
            filters.forEach((name, filter) -> {
                long slowest = 0;
                for (int i = 0; i < 15; i++) {
                    long start = System.nanoTime();
                    inbox.list(filter, order, new PageRequest(50, null));
                    slowest = Math.max(slowest, System.nanoTime() - start);
                }
                line.append(String.format(Locale.ROOT, " %s/%s %.1f ms;", name, order.name().toLowerCase(Locale.ROOT),
                        slowest / 1e6));
            });
        }
        System.out.println(line);
    }

    /** Stores n reports from 32 threads, each received when it is made; returns the seconds it took. */
    private static double store(FeedbackInbox inbox, VariedFeedback corpus, String run, int n) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long start = System.nanoTime();
        List<Future<?>> writes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var item = corpus.next(run, i, Instant.now());
            writes.add(writers.submit(() -> inbox.add(item, "{}")));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        writers.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }

    private static final class Totals {
        long grouped;
        long rounds;
        long started;
        long spikes;
        long slowestNanos;

        void add(GroupingReport round, long nanos) {
            grouped += round.grouped();
            rounds++;
            started += round.started();
            spikes += round.spikes();
            slowestNanos = Math.max(slowestNanos, nanos);
        }
    }
}
