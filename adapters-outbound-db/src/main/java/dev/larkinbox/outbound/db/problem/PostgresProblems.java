package dev.larkinbox.outbound.db.problem;

import static dev.larkinbox.outbound.db.postgres.PostgresText.storable;

import dev.larkinbox.domain.feedback.LarkCode;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.paging.InvalidCursorException;
import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;
import dev.larkinbox.domain.problem.GroupingKey;
import dev.larkinbox.domain.problem.GroupingRound;
import dev.larkinbox.domain.problem.Problem;
import dev.larkinbox.domain.problem.ProblemBoard;
import dev.larkinbox.domain.problem.ProblemCandidate;
import dev.larkinbox.domain.problem.ProblemFilter;
import dev.larkinbox.domain.problem.ProblemNotFoundException;
import dev.larkinbox.domain.problem.ProblemOrder;
import dev.larkinbox.domain.problem.ProblemPulse;
import dev.larkinbox.domain.problem.ProblemStore;
import dev.larkinbox.domain.problem.Regression;
import dev.larkinbox.domain.problem.Spike;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.outbound.db.inbox.FeedbackView;
import dev.larkinbox.outbound.db.postgres.Keyset;
import dev.larkinbox.outbound.db.postgres.StorageFailures;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Problems in PostgreSQL. A grouping round holds a transaction-scoped advisory lock, so that of two instances on one
 * database only one groups at a time (the other skips that round) and no key can get two problems; a merge waits for
 * it. Counts are kept on the problem's row as its feedback is assigned, so that listing problems reads no feedback.
 */
@Singleton
public class PostgresProblems implements ProblemStore, ProblemBoard {
    /** Candidates compared per grouping key: the most recently seen. */
    static final int CANDIDATES_PER_KEY = 100;
    private static final String LISTING = "problems";
    private static final String LISTING_BY_COUNT = "problems-by-count";
    private static final String MEMBERS = "problem-feedback";

    private final ProblemRepository problems;
    private final TransactionOperations<Connection> transactions;

    public PostgresProblems(ProblemRepository problems, TransactionOperations<Connection> transactions) {
        this.problems = problems;
        this.transactions = transactions;
    }

    @Override
    public <T> Optional<T> groupAlone(Function<GroupingRound, T> round) {
        return StorageFailures.writing(() -> transactions.executeWrite(status -> {
            if (!problems.tryGroupingLock()) {
                return Optional.empty();
            }
            Round thisRound = new Round(status.getConnection());
            T result = round.apply(thisRound);
            thisRound.flushAssignments();
            return Optional.of(result);
        }));
    }

    /**
     * A round's assignments are written together, before anything reads what they change: a round of 200 reports
     * then costs two statements, not 400 (each one rewrites the feedback's row and every index of it).
     */
    private final class Round implements GroupingRound {
        private final Connection connection;
        private final List<Assignment> assigned = new ArrayList<>();

        Round(Connection connection) {
            this.connection = connection;
        }

        @Override
        public List<TriagedFeedback> ungrouped(int max) {
            return problems.ungrouped(max).stream().map(FeedbackView::toDomain).toList();
        }

        @Override
        public List<ProblemCandidate> candidates(Set<GroupingKey> keys) {
            flushAssignments();
            return keys.stream()
                    .flatMap(key -> problems.candidates(storable(key.appId()), key.type().code(), codes(key),
                            storable(key.path()), CANDIDATES_PER_KEY).stream())
                    .map(CandidateView::toDomain).toList();
        }

        @Override
        public List<String> spiking() {
            flushAssignments();
            return problems.spiking();
        }

        @Override
        public void start(String problemId, GroupingKey key, String title, TriagedFeedback first,
                          List<String> reasons) {
            problems.insert(storable(problemId), storable(key.appId()), key.type().code(), codes(key),
                    storable(key.path()), storable(first.feedback().feedbackId()), storable(title),
                    first.meta().receivedAt(), first.triage().priority().name(), storable(reasons));
        }

        @Override
        public void assign(TriagedFeedback feedback, String problemId, List<String> reasons) {
            assigned.add(new Assignment(storable(feedback.feedback().feedbackId()), storable(problemId),
                    storable(reasons), storable(feedback.meta().tenantKey()), feedback.meta().receivedAt(),
                    feedback.triage().priority().name()));
        }

        @Override
        public void reopen(String problemId, Regression regression) {
            problems.reopen(storable(problemId), regression.reopenedTo().label(), storable(regression.reason()));
        }

        @Override
        public ProblemPulse pulse(String problemId, Instant since) {
            flushAssignments();
            PulseView pulse = problems.pulse(storable(problemId));
            List<Instant> reports = new ArrayList<>();
            for (ReportsInSecond second : problems.reportsPerSecond(storable(problemId), since)) {
                reports.addAll(Collections.nCopies(Math.toIntExact(second.reports()), second.at()));
            }
            return new ProblemPulse(Priority.valueOf(pulse.membersPriority()), reports, pulse.spikingSince());
        }

        @Override
        public void assessed(String problemId, Spike spike) {
            problems.assessed(storable(problemId), spike.since(), spike.priority().name(),
                    spike.spiking() ? storable(spike.reasons()) : new String[0]);
        }

        @Override
        public void announceSpike(String problemId, Instant since) {
            problems.announce(null, "spike", storable(problemId), since.toString(), since);
        }

        @Override
        public void announceRegression(String problemId, TriagedFeedback report) {
            String feedbackId = storable(report.feedback().feedbackId());
            problems.announce(feedbackId, "regression", storable(problemId), feedbackId, report.meta().receivedAt());
        }

        /**
         * Writes the assignments so far: each feedback not in a problem yet joins its problem, and each problem
         * counts those that joined it, a tenant as new unless a report of the problem from before names it.
         */
        void flushAssignments() {
            if (assigned.isEmpty()) {
                return;
            }
            try {
                Set<String> joined = join(assigned);
                Map<String, List<Assignment>> byProblem = new TreeMap<>();
                for (Assignment a : assigned) {
                    if (joined.contains(a.feedbackId())) {
                        byProblem.computeIfAbsent(a.problemId(), p -> new ArrayList<>()).add(a);
                    }
                }
                count(byProblem);
            } catch (SQLException e) {
                throw StorageFailures.unavailable("grouping round not written", e);
            } finally {
                assigned.clear();
            }
        }

        /** @return the feedback ids that joined: one already in a problem stays where it is */
        private Set<String> join(List<Assignment> assignments) throws SQLException {
            String[] reasons = new String[assignments.size()];
            for (int i = 0; i < reasons.length; i++) {
                // the array's text form, as the driver writes it, parsed back by the statement's cast
                reasons[i] = connection.createArrayOf("text", assignments.get(i).reasons()).toString();
            }
            Set<String> joined = new HashSet<>();
            try (PreparedStatement join = connection.prepareStatement("""
                    UPDATE feedback f SET problem_id = a.problem_id, grouping_reasons = CAST(a.reasons AS text[])
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                         AS a (feedback_id, problem_id, reasons)
                    WHERE f.feedback_id = a.feedback_id AND f.problem_id IS NULL
                    RETURNING f.feedback_id""")) {
                join.setArray(1, connection.createArrayOf("text",
                        assignments.stream().map(Assignment::feedbackId).toArray()));
                join.setArray(2, connection.createArrayOf("text",
                        assignments.stream().map(Assignment::problemId).toArray()));
                join.setArray(3, connection.createArrayOf("text", reasons));
                try (ResultSet rs = join.executeQuery()) {
                    while (rs.next()) {
                        joined.add(rs.getString(1));
                    }
                }
            }
            return joined;
        }

        private void count(Map<String, List<Assignment>> byProblem) {
            byProblem.forEach((problemId, joined) -> problems.countJoined(problemId, joined.size(),
                    joined.stream().map(Assignment::receivedAt).min(Comparator.naturalOrder()).orElseThrow(),
                    joined.stream().map(Assignment::receivedAt).max(Comparator.naturalOrder()).orElseThrow(),
                    joined.stream().map(Assignment::priority).min(Comparator.naturalOrder()).orElseThrow(),
                    joined.stream().map(Assignment::tenantKey).filter(Objects::nonNull).distinct()
                            .toArray(String[]::new),
                    joined.stream().map(Assignment::feedbackId).toArray(String[]::new)));
        }
    }

    /** A feedback the round put in a problem, as the problem counts it. */
    private record Assignment(String feedbackId, String problemId, String[] reasons, String tenantKey,
                              Instant receivedAt, String priority) {
    }

    private static int[] codes(GroupingKey key) {
        return key.faultKinds().stream().mapToInt(LarkCode::code).sorted().toArray();
    }

    @Override
    public boolean moveTo(String problemId, FeedbackStatus status) {
        return StorageFailures.writing(() -> transactions.executeWrite(s ->
                problems.moveTo(storable(problemId), status.label()) == 1));
    }

    @Override
    public boolean merge(String problemId, String intoProblemId, String reason) {
        String from = storable(problemId);
        String into = storable(intoProblemId);
        return StorageFailures.writing(() -> transactions.executeWrite(s -> {
            problems.waitForGroupingLock();
            if (problems.existing(from, into) != 2) {
                return false;
            }
            problems.absorb(from, into, storable(reason));
            problems.moveFeedback(from, into);
            problems.delete(from);
            problems.recount(into);
            return true;
        }));
    }

    @Override
    public Page<Problem> list(ProblemFilter filter, ProblemOrder order, PageRequest page) {
        String appId = storable(filter.appId());
        String[] statuses = filter.statuses().stream().map(FeedbackStatus::label).toArray(String[]::new);
        String[] priorities = filter.priorities().stream().map(Priority::name).toArray(String[]::new);
        int limit = page.limit() + 1;
        return switch (order) {
            case LAST_SEEN -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING);
                List<ProblemView> rows = StorageFailures.reading(() -> problems.listLastSeen(appId, statuses,
                        priorities, filter.spiking(), after == null ? null : after.receivedAt(),
                        after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING, ProblemView::position, ProblemView::toDomain);
            }
            case COUNT -> {
                Keyset after = Keyset.fromCursor(page.cursor(), LISTING_BY_COUNT);
                Long afterCount = after == null ? null : count(after.rank());
                List<ProblemView> rows = StorageFailures.reading(() -> problems.listByCount(appId, statuses,
                        priorities, filter.spiking(), afterCount, after == null ? null : after.receivedAt(),
                        after == null ? null : after.eventId(), limit));
                yield Keyset.page(rows, page.limit(), LISTING_BY_COUNT, ProblemView::positionByCount,
                        ProblemView::toDomain);
            }
        };
    }

    private static long count(String rank) {
        try {
            return Long.parseLong(rank);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("not a cursor of this listing");
        }
    }

    @Override
    public Optional<Problem> find(String problemId) {
        return StorageFailures.reading(() -> problems.find(storable(problemId))).map(ProblemView::toDomain);
    }

    @Override
    public Page<TriagedFeedback> feedback(String problemId, PageRequest page) {
        String id = storable(problemId);
        Keyset after = Keyset.fromCursor(page.cursor(), MEMBERS);
        List<FeedbackView> rows = StorageFailures.reading(() -> {
            if (!problems.exists(id)) {
                throw new ProblemNotFoundException(problemId);
            }
            return problems.members(id, after == null ? null : after.receivedAt(),
                    after == null ? null : after.eventId(), page.limit() + 1);
        });
        return Keyset.page(rows, page.limit(), MEMBERS, FeedbackView::position, FeedbackView::toDomain);
    }
}
